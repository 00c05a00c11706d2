package dev.newsdesk.image.fetch;

import dev.newsdesk.http.ProblemException;
import dev.newsdesk.image.error.ImageProblems;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * An origin URL in normal form: http or https only, no user info, lower-case host, explicit
 * port, dot segments removed. Allow-list matching compares these parts, never raw strings, so
 * {@code https://cdn.example.com.evil.net/}, {@code https://user@cdn…} or {@code /a/../../b}
 * cannot pass as an allowed prefix.
 */
public record OriginUrl(String scheme, String host, int port, String pathAndQuery) {

    public static OriginUrl parse(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw ProblemException.invalidField("source", "not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw ImageProblems.refused("origin-scheme", "Only http and https origins are fetched");
        }
        if (uri.getRawUserInfo() != null
                || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            throw ImageProblems.refused("origin-userinfo", "Origin URLs with user info are refused");
        }
        String host = uri.getHost();
        int port = uri.getPort();
        if (host == null && uri.getRawAuthority() != null) {
            // java.net.URI does not take all-numeric names such as 2130706433 as a server
            // authority; read host and port ourselves so the address checks still judge them
            String authority = uri.getRawAuthority();
            int colon = authority.lastIndexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            if (colon >= 0) {
                try {
                    port = Integer.parseInt(authority.substring(colon + 1));
                } catch (NumberFormatException e) {
                    throw ProblemException.invalidField("source", "the URL has an invalid port");
                }
            }
            if (!host.matches("[0-9a-zA-Z.]+")) {
                host = null;
            }
        }
        if (host == null || host.isEmpty()) {
            throw ProblemException.invalidField("source", "the URL has no valid host");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        port = port == -1 ? (scheme.equals("https") ? 443 : 80) : port;
        String path = uri.normalize().getRawPath();
        if (path == null || path.isEmpty()) {
            path = "/";
        }
        if (path.startsWith("/..") || path.contains("\\")) {
            throw ImageProblems.refused("origin-path", "The origin path escapes its root");
        }
        String query = uri.getRawQuery();
        return new OriginUrl(scheme, host, port, query == null ? path : path + "?" + query);
    }

    /** Resolves a redirect's {@code Location} against this URL. */
    public OriginUrl resolve(String location) {
        try {
            return parse(new URI(toString()).resolve(new URI(location.strip())).toString());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw ImageProblems.badGateway("origin-bad-redirect", "The origin redirected to an invalid URL");
        }
    }

    /** True when this URL lies under {@code prefix}: same scheme, host and port, and the path starts with its path. */
    public boolean startsWith(OriginUrl prefix) {
        return scheme.equals(prefix.scheme)
                && host.equals(prefix.host)
                && port == prefix.port
                && pathAndQuery.startsWith(prefix.pathAndQuery);
    }

    /** The host without IPv6 brackets, as the resolver and address checks want it. */
    public String bareHost() {
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    /** The {@code Host} header value: the port only when it is not the scheme's default. */
    public String hostHeader() {
        boolean defaultPort = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return defaultPort ? host : host + ":" + port;
    }

    @Override
    public String toString() {
        return scheme + "://" + hostHeader() + pathAndQuery;
    }
}
