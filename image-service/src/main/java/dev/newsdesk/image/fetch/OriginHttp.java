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
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.jboss.logging.Logger;

/**
 * A deliberately small HTTP/1.1 client for one request to an address already checked:
 * {@code Connection: close}, Content-Length or chunked bodies, TLS with SNI and host-name
 * verification for the original name. Every limit of {@link FetchLimits} is enforced while
 * reading (total time, size, header size), so a slow or endless origin costs a bounded amount.
 */
final class OriginHttp {

    private static final Logger LOG = Logger.getLogger(OriginHttp.class);
    private static final int MAX_HEADER_BYTES = 32 * 1024;

    private final Connector connector;
    private final FetchLimits limits;

    OriginHttp(Connector connector, FetchLimits limits) {
        this.connector = connector;
        this.limits = limits;
    }

    /** One GET of {@code url} from {@code address}, the one already checked; never resolves a name. */
    Response get(OriginUrl url, InetAddress address, long deadline) {
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

    /** A 200's body and type, or a redirect's target (then body and type are null). */
    record Response(byte[] body, String contentType, String location) {}

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
