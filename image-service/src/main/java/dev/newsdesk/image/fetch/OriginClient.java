package dev.newsdesk.image.fetch;

import dev.newsdesk.http.ProblemException;
import dev.newsdesk.image.error.ImageProblems;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.jboss.logging.Logger;

/**
 * Fetches an origin image with the checks at the edge, before any byte is sent: the URL must lie
 * under an allowed prefix (normalised, see {@link OriginUrl}); its host is resolved once, each
 * address judged by {@link AddressPolicy}, and the connection made to that very address (TLS
 * with SNI and host-name verification for the original name). Redirects, at most
 * {@link FetchLimits#maxRedirects()}, go through the same checks. A deliberately small HTTP/1.1
 * client ({@code Connection: close}, Content-Length or chunked bodies): the JDK HttpClient
 * always resolves names itself, which would allow DNS rebinding between check and connect.
 *
 * <p>The contract's one exception: an allowed prefix whose host is a literal IP (such as
 * {@code http://127.0.0.1:9000/} for a local origin) may be connected to whatever the address.
 */
public final class OriginClient {

    private static final Logger LOG = Logger.getLogger(OriginClient.class);
    private static final int MAX_HEADER_BYTES = 32 * 1024;

    private final List<OriginUrl> allowed;
    private final HostResolver resolver;
    private final Connector connector;
    private final FetchLimits limits;

    public OriginClient(List<String> allowedPrefixes, HostResolver resolver, Connector connector, FetchLimits limits) {
        List<OriginUrl> parsed = new ArrayList<>();
        for (String prefix : allowedPrefixes) {
            if (!prefix.isBlank()) {
                parsed.add(OriginUrl.parse(prefix));
            }
        }
        this.allowed = List.copyOf(parsed);
        this.resolver = resolver;
        this.connector = connector;
        this.limits = limits;
    }

    /** Fetches {@code url}; every refusal and failure is a {@link ProblemException} with a stable slug. */
    public SourceImage fetch(String url) {
        OriginUrl current = OriginUrl.parse(url);
        long deadline = System.nanoTime() + limits.totalTimeout().toNanos();
        for (int hop = 0; hop <= limits.maxRedirects(); hop++) {
            InetAddress address = checkedAddress(current);
            Response response = exchange(current, address, deadline);
            if (response.location != null) {
                current = current.resolve(response.location);
                continue;
            }
            return new SourceImage(response.body, response.contentType, current.toString());
        }
        throw ImageProblems.badGateway(
                "origin-redirects", "The origin redirected more than " + limits.maxRedirects() + " times");
    }

    /** The address to connect to for {@code url}, or a refusal. Never connects. */
    InetAddress checkedAddress(OriginUrl url) {
        OriginUrl prefix = allowed.stream()
                .filter(url::startsWith)
                .findFirst()
                .orElseThrow(() -> ImageProblems.refused(
                        "origin-not-allowed",
                        "The origin " + url.scheme() + "://" + url.hostHeader()
                                + " is not in NEWSDESK_IMAGE_ALLOWED_SOURCES"));
        InetAddress literal = literal(url.bareHost());
        if (literal != null) {
            if (prefix.host().startsWith("[") || AddressPolicy.isCanonicalIpv4(prefix.host())) {
                return literal; // the contract's exception: the operator named this address explicitly
            }
            String reason = AddressPolicy.refusal(literal);
            if (reason != null) {
                throw refusedAddress(reason);
            }
            return literal;
        }
        InetAddress[] candidates;
        try {
            candidates = resolver.resolve(url.bareHost());
        } catch (UnknownHostException e) {
            throw ImageProblems.badGateway(
                    "origin-unresolvable", "The origin host " + url.host() + " does not resolve");
        }
        String firstReason = null;
        for (InetAddress candidate : candidates) {
            String reason = AddressPolicy.refusal(candidate);
            if (reason == null) {
                return candidate;
            }
            firstReason = firstReason == null ? reason : firstReason;
        }
        throw refusedAddress(firstReason == null ? "unresolvable" : firstReason);
    }

    private static ProblemException refusedAddress(String reason) {
        return ImageProblems.refused(
                "origin-address-" + reason, "The origin resolves to a " + reason + " address, which is never fetched");
    }

    /** The address a literal host names (IPv6, dotted quad or any inet_aton form), else null. */
    static InetAddress literal(String host) {
        if (host.contains(":")) {
            try {
                return InetAddress.getByName(host); // an IPv6 literal: parsed, never looked up
            } catch (UnknownHostException e) {
                throw ProblemException.invalidField("source", "invalid IPv6 address");
            }
        }
        return AddressPolicy.numericIpv4(host);
    }

    private Response exchange(OriginUrl url, InetAddress address, long deadline) {
        try (Socket socket = open(url, address)) {
            socket.setSoTimeout(readTimeout(deadline));
            OutputStream out = socket.getOutputStream();
            String request = "GET " + url.pathAndQuery() + " HTTP/1.1\r\nHost: " + url.hostHeader()
                    + "\r\nUser-Agent: newsdesk-image-service\r\nAccept: image/*\r\nAccept-Encoding: identity\r\nConnection: close\r\n\r\n";
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return read(socket, socket.getInputStream(), url, deadline);
        } catch (SocketTimeoutException e) {
            throw ImageProblems.gatewayTimeout("The origin did not answer within the time limit");
        } catch (ConnectException | NoRouteToHostException e) {
            throw ImageProblems.badGateway("origin-unreachable", "The origin refused or could not be reached");
        } catch (IOException e) {
            LOG.debugf("origin %s failed: %s", url.hostHeader(), e.toString());
            throw ImageProblems.badGateway("origin-unreachable", "The origin connection failed");
        }
    }

    private Socket open(OriginUrl url, InetAddress address) throws IOException {
        Socket plain = connector.connect(new InetSocketAddress(address, url.port()), (int)
                limits.connectTimeout().toMillis());
        if (!url.scheme().equals("https")) {
            return plain;
        }
        SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                .createSocket(plain, url.bareHost(), url.port(), true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS"); // verify the certificate names the host, not the IP
        tls.setSSLParameters(parameters);
        tls.setSoTimeout((int) limits.readTimeout().toMillis());
        tls.startHandshake();
        return tls;
    }

    private int readTimeout(long deadline) throws SocketTimeoutException {
        long remaining = (deadline - System.nanoTime()) / 1_000_000;
        if (remaining <= 0) {
            throw new SocketTimeoutException("total time limit");
        }
        return (int) Math.max(1, Math.min(limits.readTimeout().toMillis(), remaining));
    }

    private record Response(byte[] body, String contentType, String location) {}

    private Response read(Socket socket, InputStream raw, OriginUrl url, long deadline) throws IOException {
        InputStream in = new BufferedInputStream(raw, 16 * 1024);
        String statusLine = line(in);
        String[] status = statusLine.split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("HTTP/1.")) {
            throw ImageProblems.badGateway("origin-protocol", "The origin did not answer HTTP/1.x");
        }
        int code;
        try {
            code = Integer.parseInt(status[1]);
        } catch (NumberFormatException e) {
            throw ImageProblems.badGateway("origin-protocol", "The origin sent a malformed status line");
        }
        long contentLength = -1;
        boolean chunked = false;
        String contentType = null, location = null;
        int headerBytes = statusLine.length();
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            headerBytes += header.length();
            if (headerBytes > MAX_HEADER_BYTES) {
                throw ImageProblems.badGateway("origin-protocol", "The origin sent oversized headers");
            }
            int colon = header.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).strip();
            switch (name) {
                case "content-length" -> contentLength = parseLength(value);
                case "transfer-encoding" ->
                    chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "content-type" -> contentType = value;
                case "location" -> location = value;
                default -> {}
            }
        }
        if (code >= 300 && code < 400 && code != 304 && location != null) {
            return new Response(null, null, location);
        }
        if (code == 404 || code == 410) {
            throw ProblemException.notFound("The origin has no image at this URL");
        }
        if (code != 200) {
            throw ImageProblems.badGateway("origin-status", "The origin answered " + code);
        }
        if (contentLength > limits.maxBytes()) {
            throw ImageProblems.unusableSource(
                    "source-too-large", "The source is larger than " + limits.maxBytes() + " bytes");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(contentLength > 0 ? (int) contentLength : 64 * 1024);
        if (chunked) {
            for (long size = chunkSize(line(in)); size > 0; size = chunkSize(line(in))) {
                copy(socket, in, body, size, deadline);
                line(in);
            }
        } else {
            copy(socket, in, body, contentLength < 0 ? Long.MAX_VALUE : contentLength, deadline);
            if (contentLength >= 0 && body.size() < contentLength) {
                throw ImageProblems.badGateway(
                        "origin-truncated", "The origin closed the connection before the whole body");
            }
        }
        return new Response(body.toByteArray(), contentType, null);
    }

    private void copy(Socket socket, InputStream in, ByteArrayOutputStream body, long length, long deadline)
            throws IOException {
        byte[] buffer = new byte[16 * 1024];
        long left = length;
        while (left > 0) {
            socket.setSoTimeout(readTimeout(deadline));
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                break;
            }
            if (body.size() + n > limits.maxBytes()) {
                throw ImageProblems.unusableSource(
                        "source-too-large", "The source is larger than " + limits.maxBytes() + " bytes");
            }
            body.write(buffer, 0, n);
            left -= n;
        }
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ImageProblems.badGateway("origin-protocol", "The origin sent an invalid Content-Length");
        }
    }

    private static long chunkSize(String line) {
        String hex = line.contains(";") ? line.substring(0, line.indexOf(';')) : line;
        try {
            return Long.parseLong(hex.strip(), 16);
        } catch (NumberFormatException e) {
            throw ImageProblems.badGateway("origin-protocol", "The origin sent a malformed chunk");
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                if (line.isEmpty()) {
                    throw new EOFException("connection closed");
                }
                break;
            }
            if (line.length() > 8192) {
                throw ImageProblems.badGateway("origin-protocol", "The origin sent an overlong line");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
