package dev.newsdesk.article.webhooks;

import dev.newsdesk.http.AddressPolicy;
import dev.newsdesk.http.HostResolver;
import dev.newsdesk.http.ProblemException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a webhook may be delivered: {@code https://} URLs whose host resolves to a public address
 * ({@link AddressPolicy}, the rule image-service applies to origins), or URLs under one of the
 * operator's allowed prefixes ({@code NEWSDESK_WEBHOOK_ALLOWED_TARGETS}), which may be plain HTTP
 * and point anywhere. Checked when an endpoint is registered and again before every connection:
 * a name may resolve elsewhere tomorrow (DNS rebinding), and the connection is made to the very
 * address judged here, never to a second lookup.
 */
public final class WebhookTargets {

    static final int MAX_URL_CHARS = 2000;

    /** What to connect to: the URL (for Host, SNI and certificate checks) and the address judged. */
    public record Target(URI uri, InetAddress address) {

        public boolean tls() {
            return uri.getScheme().equals("https");
        }

        public int port() {
            return uri.getPort() != -1 ? uri.getPort() : tls() ? 443 : 80;
        }

        public String pathAndQuery() {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        }
    }

    private final List<URI> allowed;
    private final HostResolver resolver;

    public WebhookTargets(List<String> allowedPrefixes, HostResolver resolver) {
        List<URI> parsed = new ArrayList<>();
        for (String prefix : allowedPrefixes) {
            if (!prefix.isBlank()) {
                parsed.add(parse(prefix.strip()));
            }
        }
        this.allowed = List.copyOf(parsed);
        this.resolver = resolver;
    }

    /** The target for {@code url}, or a 400 problem naming the field {@code url}. Never connects. */
    public Target check(String url) {
        if (url == null || url.isBlank()) {
            throw refused("is required");
        }
        if (url.length() > MAX_URL_CHARS) {
            throw refused("is longer than " + MAX_URL_CHARS + " characters");
        }
        URI uri = parse(url.strip());
        String host = bareHost(uri);
        InetAddress literal = literal(host);
        if (allowed.stream().anyMatch(prefix -> under(uri, prefix))) {
            return new Target(uri, literal != null ? literal : resolve(host).getFirst());
        }
        if (!uri.getScheme().equals("https")) {
            throw refused("must be an https:// URL");
        }
        if (literal != null) {
            String reason = AddressPolicy.refusal(literal);
            if (reason != null) {
                throw refused("names a " + reason + " address; only public addresses are called");
            }
            return new Target(uri, literal);
        }
        String firstReason = null;
        for (InetAddress candidate : resolve(host)) {
            String reason = AddressPolicy.refusal(candidate);
            if (reason == null) {
                return new Target(uri, candidate);
            }
            firstReason = firstReason == null ? reason : firstReason;
        }
        throw refused("resolves to a " + firstReason + " address; only public addresses are called");
    }

    private List<InetAddress> resolve(String host) {
        try {
            InetAddress[] found = resolver.resolve(host);
            if (found.length == 0) {
                throw refused("has a host name that does not resolve");
            }
            return List.of(found);
        } catch (UnknownHostException e) {
            throw refused("has a host name that does not resolve");
        }
    }

    /** Scheme, host and port equal, and the path under the prefix's: no string tricks with user info. */
    private static boolean under(URI uri, URI prefix) {
        return uri.getScheme().equals(prefix.getScheme())
                && bareHost(uri).equals(bareHost(prefix))
                && effectivePort(uri) == effectivePort(prefix)
                && rawPath(uri).startsWith(rawPath(prefix));
    }

    private static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw refused("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw refused("must be an https:// URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw refused("must be an absolute URL with a host, without user info or fragment");
        }
        try {
            return new URI(scheme + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT)
                    + (uri.getRawPath() == null ? "" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        } catch (URISyntaxException e) {
            throw refused("is not a valid URL");
        }
    }

    private static String bareHost(URI uri) {
        String host = uri.getHost();
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    private static int effectivePort(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80;
    }

    private static String rawPath(URI uri) {
        return uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    }

    /** The address a literal host names (IPv6, or IPv4 in any inet_aton form), else null. */
    private static InetAddress literal(String host) {
        if (host.contains(":")) {
            try {
                return InetAddress.getByName(host); // an IPv6 literal: parsed, never looked up
            } catch (UnknownHostException e) {
                throw refused("has an invalid IPv6 address");
            }
        }
        return AddressPolicy.numericIpv4(host);
    }

    static ProblemException refused(String why) {
        return ProblemException.invalidField("url", why);
    }
}
