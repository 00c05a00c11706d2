package dev.newsdesk.image.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsdesk.http.HostResolver;
import dev.newsdesk.http.ProblemException;
import dev.newsdesk.image.testing.TestOrigin;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fetcher against a real HTTP origin on 127.0.0.1. Every connection attempt is recorded,
 * so refusals are proven to happen before any connection. Names resolve through a fake
 * resolver ({@code cdn.test} → the origin's 127.0.0.1 only when a test says so).
 */
class OriginClientTest {

    static TestOrigin origin;
    final List<InetSocketAddress> connections = new CopyOnWriteArrayList<>();
    final Connector recording = (address, timeout) -> {
        connections.add(address);
        return Connector.PLAIN.connect(address, timeout);
    };
    static final FetchLimits LIMITS =
            new FetchLimits(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2), 1 << 20, 3);

    @BeforeAll
    static void start() {
        origin = new TestOrigin().serve("a_w10h10.jpg", new byte[] {1, 2, 3, 4}).serve("big.jpg", new byte[2 << 20]);
    }

    @AfterAll
    static void stop() {
        origin.close();
    }

    @BeforeEach
    void clear() {
        connections.clear();
    }

    OriginClient client(String... allowed) {
        return new OriginClient(List.of(allowed), name -> resolve(name), recording, LIMITS);
    }

    static InetAddress[] resolve(String name) throws UnknownHostException {
        return switch (name) {
            case "localhost" -> new InetAddress[] {InetAddress.getByName("127.0.0.1")};
            case "v6loop.test" -> new InetAddress[] {InetAddress.getByName("::1")};
            case "mapped.test" -> new InetAddress[] {InetAddress.getByName("::ffff:127.0.0.1")};
            case "metadata.test" -> new InetAddress[] {InetAddress.getByName("169.254.169.254")};
            case "cdn.test" -> new InetAddress[] {InetAddress.getByName("93.184.216.34")};
            default -> throw new UnknownHostException(name);
        };
    }

    @Test
    void fetchesFromALiteralIpPrefixAndFollowsChunkedBodies() {
        OriginClient client = client(origin.base());
        assertArrayEquals(
                new byte[] {1, 2, 3, 4},
                client.fetch(origin.url("a_w10h10.jpg")).bytes());
        assertArrayEquals(
                new byte[] {1, 2, 3, 4},
                client.fetch(origin.base() + "chunked/a_w10h10.jpg").bytes());
    }

    @Test
    void refusesOriginsOutsideTheAllowListComparedAfterNormalising() {
        OriginClient client = client("https://cdn.test/download/");
        for (String url : new String[] {
            "https://cdn.test.evil.example/download/a.jpg",
            "https://cdn.test/other/a.jpg",
            "https://cdn.test/download/../secret/a.jpg",
            "http://cdn.test/download/a.jpg",
            "https://cdn.test:8443/download/a.jpg"
        }) {
            ProblemException e = assertThrows(ProblemException.class, () -> client.fetch(url), url);
            assertEquals(403, e.status(), url);
            assertEquals("origin-not-allowed", e.slug(), url);
        }
        assertEquals(
                403,
                assertThrows(ProblemException.class, () -> client.fetch("https://user:pw@cdn.test/download/a.jpg"))
                        .status());
        assertEquals(
                403,
                assertThrows(ProblemException.class, () -> client.fetch("file:///etc/passwd"))
                        .status());
        assertEquals(
                403,
                assertThrows(ProblemException.class, () -> client.fetch("gopher://cdn.test/download/a.jpg"))
                        .status());
        assertTrue(connections.isEmpty());
        // the same URL spelled differently still matches: host case, default port, dot segments
        assertEquals(
                client.checkedAddress(OriginUrl.parse("https://CDN.test:443/download/./x/../a.jpg")),
                client.checkedAddress(OriginUrl.parse("https://cdn.test/download/a.jpg")));
    }

    @Test
    void refusesAHostNameThatResolvesToLoopback() {
        int before = origin.requests();
        OriginClient client = client("http://localhost:" + origin.port() + "/");
        ProblemException e = assertThrows(
                ProblemException.class,
                () -> client.fetch("http://localhost:" + origin.port() + "/files/a_w10h10.jpg"));
        assertEquals(403, e.status());
        assertEquals("origin-address-loopback", e.slug());
        assertTrue(connections.isEmpty(), "refused before connecting");
        assertEquals(before, origin.requests());
    }

    @Test
    void refusesLocalhostThroughTheSystemResolverToo() {
        String prefix = "http://localhost:" + origin.port() + "/";
        OriginClient client = new OriginClient(List.of(prefix), HostResolver.SYSTEM, recording, LIMITS);
        ProblemException e = assertThrows(ProblemException.class, () -> client.fetch(prefix + "files/a_w10h10.jpg"));
        assertTrue(e.slug().equals("origin-address-loopback"), e.slug());
        assertTrue(connections.isEmpty(), "refused before connecting");
    }

    @Test
    void refusesTheIpv6LoopbackAndIpv4MappedForms() {
        for (String host : new String[] {"v6loop.test", "mapped.test"}) {
            OriginClient client = client("http://" + host + "/");
            ProblemException e =
                    assertThrows(ProblemException.class, () -> client.fetch("http://" + host + "/a.jpg"), host);
            assertEquals("origin-address-loopback", e.slug(), host);
        }
        OriginClient literal = client("http://cdn.test/");
        assertEquals(
                403,
                assertThrows(ProblemException.class, () -> literal.fetch("http://[::1]/a.jpg"))
                        .status());
        assertTrue(connections.isEmpty());
    }

    @Test
    void refusesDecimalOctalAndHexIpv4FormsOfLoopbackEvenWhenAllowListed() {
        int port = origin.port();
        for (String host : new String[] {"2130706433", "0177.0.0.1", "0x7f.0.0.1", "127.1"}) {
            OriginClient client = client("http://" + host + ":" + port + "/");
            ProblemException e = assertThrows(
                    ProblemException.class,
                    () -> client.fetch("http://" + host + ":" + port + "/files/a_w10h10.jpg"),
                    host);
            assertEquals("origin-address-loopback", e.slug(), host);
        }
        assertTrue(connections.isEmpty(), "refused before connecting");
    }

    @Test
    void refusesARedirectToTheMetadataAddressWithoutConnectingToIt() {
        OriginClient client = client(origin.base(), "http://169.254.169.254/", "http://metadata.test/");
        for (String target : new String[] {
            "http://metadata.test/latest/meta-data/",
            "http://0xa9fea9fe/latest/meta-data/",
            "http://[::ffff:169.254.169.254]/"
        }) {
            String url = origin.base() + "redirect?to=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
            ProblemException e = assertThrows(ProblemException.class, () -> client.fetch(url), target);
            assertEquals(403, e.status(), target);
        }
        // the literal 169.254.169.254 prefix is the operator's explicit choice (contract), so it is not
        // exercised here: nothing may ever connect to it. Only the origin itself was connected to:
        assertTrue(connections.stream().allMatch(a -> a.getAddress().isLoopbackAddress()), connections.toString());
        String notAllowed =
                origin.base() + "redirect?to=" + URLEncoder.encode("http://example.org/a.jpg", StandardCharsets.UTF_8);
        assertEquals(
                "origin-not-allowed",
                assertThrows(ProblemException.class, () -> client(origin.base()).fetch(notAllowed))
                        .slug());
    }

    @Test
    void followsAtMostThreeRedirects() {
        OriginClient client = client(origin.base());
        String url = origin.url("a_w10h10.jpg");
        for (int i = 0; i < 3; i++) {
            url = origin.base() + "redirect?to=" + URLEncoder.encode(url, StandardCharsets.UTF_8);
        }
        assertArrayEquals(new byte[] {1, 2, 3, 4}, client.fetch(url).bytes());
        String tooMany = origin.base() + "redirect?to=" + URLEncoder.encode(url, StandardCharsets.UTF_8);
        assertEquals(
                502,
                assertThrows(ProblemException.class, () -> client.fetch(tooMany))
                        .status());
    }

    @Test
    void mapsOriginFailuresToGatewayStatusesWithinBoundedTime() throws Exception {
        int closed = closedPort();
        OriginClient client = client(origin.base(), "http://127.0.0.1:" + closed + "/");
        assertEquals(
                404,
                assertThrows(ProblemException.class, () -> client.fetch(origin.base() + "missing.jpg"))
                        .status());
        assertEquals(
                502,
                assertThrows(ProblemException.class, () -> client.fetch(origin.base() + "error"))
                        .status());
        // /slow answers after 5 s, past the 1 s read and 2 s total limits: without them this is a 200.
        assertEquals(
                504,
                assertThrows(ProblemException.class, () -> client.fetch(origin.base() + "slow"))
                        .status());
        assertEquals(
                502,
                assertThrows(ProblemException.class, () -> client.fetch("http://127.0.0.1:" + closed + "/a.jpg"))
                        .status());
    }

    @Test
    void refusesSourcesOverTheSizeLimit() {
        ProblemException e =
                assertThrows(ProblemException.class, () -> client(origin.base()).fetch(origin.url("big.jpg")));
        assertEquals(422, e.status());
        assertEquals("source-too-large", e.slug());
        ProblemException chunked = assertThrows(
                ProblemException.class, () -> client(origin.base()).fetch(origin.base() + "chunked/big.jpg"));
        assertEquals("source-too-large", chunked.slug());
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
