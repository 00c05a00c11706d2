package dev.newsdesk.article.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.newsdesk.http.HostResolver;
import dev.newsdesk.http.ProblemException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookTargetsTest {

    /** public.example resolves to a public address, internal.example to the metadata service. */
    private static final HostResolver DNS = host -> switch (host) {
        case "public.example" -> new InetAddress[] {InetAddress.getByName("93.184.216.34")};
        case "internal.example" -> new InetAddress[] {InetAddress.getByName("169.254.169.254")};
        case "mixed.example" ->
            new InetAddress[] {InetAddress.getByName("10.0.0.1"), InetAddress.getByName("93.184.216.35")};
        default -> throw new UnknownHostException(host);
    };

    private final WebhookTargets targets = new WebhookTargets(List.of("http://127.0.0.1:9500/hooks/"), DNS);

    private static String refusal(WebhookTargets targets, String url) {
        ProblemException p = assertThrows(ProblemException.class, () -> targets.check(url));
        assertEquals(400, p.status());
        assertEquals("url", p.toProblem(null).errors().getFirst().field());
        return p.toProblem(null).errors().getFirst().message();
    }

    @Test
    void connectsToTheAddressItJudged() throws Exception {
        WebhookTargets.Target t = targets.check("https://public.example/in?x=1");
        assertEquals(InetAddress.getByName("93.184.216.34"), t.address());
        assertEquals(443, t.port());
        assertEquals("/in?x=1", t.pathAndQuery());
        assertEquals(
                InetAddress.getByName("93.184.216.35"),
                targets.check("https://mixed.example/").address());
    }

    @Test
    void refusesPlainHttpAndNonPublicAddresses() {
        assertEquals("must be an https:// URL", refusal(targets, "http://public.example/"));
        assertEquals("must be an https:// URL", refusal(targets, "ftp://public.example/"));
        assertEquals(
                "resolves to a link-local address; only public addresses are called",
                refusal(targets, "https://internal.example/"));
        assertEquals(
                "names a loopback address; only public addresses are called", refusal(targets, "https://127.0.0.1/"));
        assertEquals(
                "names a loopback address; only public addresses are called", refusal(targets, "https://2130706433/"));
        assertEquals(
                "names a private address; only public addresses are called", refusal(targets, "https://[fd00::1]/"));
        assertEquals(
                "names a loopback address; only public addresses are called",
                refusal(targets, "https://[::ffff:127.0.0.1]/"));
        assertEquals("has a host name that does not resolve", refusal(targets, "https://nowhere.example/"));
        assertEquals(
                "must be an absolute URL with a host, without user info or fragment",
                refusal(targets, "https://user@public.example/"));
        assertEquals("is required", refusal(targets, " "));
    }

    @Test
    void anAllowedPrefixIsMatchedBySchemeHostPortAndPath() throws Exception {
        assertEquals(
                InetAddress.getByName("127.0.0.1"),
                targets.check("http://127.0.0.1:9500/hooks/a").address());
        assertEquals("must be an https:// URL", refusal(targets, "http://127.0.0.1:9501/hooks/a"));
        assertEquals("must be an https:// URL", refusal(targets, "http://127.0.0.1:9500/other"));
        assertEquals(
                "must be an absolute URL with a host, without user info or fragment",
                refusal(targets, "http://127.0.0.1:9500@evil.example/hooks/"));
    }
}
