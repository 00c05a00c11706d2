package dev.newsdesk.image.fetch;

import dev.newsdesk.http.AddressPolicy;
import dev.newsdesk.http.HostResolver;
import dev.newsdesk.http.ProblemException;
import dev.newsdesk.image.error.ImageProblems;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Fetches an origin image with the checks at the edge, before any byte is sent: the URL must lie
 * under an allowed prefix (normalised, see {@link OriginUrl}); its host is resolved once, each
 * address judged by {@link AddressPolicy}, and the connection made to that very address (TLS
 * with SNI and host-name verification for the original name). Redirects, at most
 * {@link FetchLimits#maxRedirects()}, go through the same checks. A deliberately small HTTP/1.1
 * client ({@link OriginHttp}): the JDK HttpClient always resolves names itself, which would allow
 * DNS rebinding between check and connect.
 *
 * <p>The contract's one exception: an allowed prefix whose host is a literal IP (such as
 * {@code http://127.0.0.1:9000/} for a local origin) may be connected to whatever the address.
 */
public final class OriginClient {

    private final List<OriginUrl> allowed;
    private final HostResolver resolver;
    private final OriginHttp http;
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
        this.http = new OriginHttp(connector, limits);
        this.limits = limits;
    }

    /** Fetches {@code url}; every refusal and failure is a {@link ProblemException} with a stable slug. */
    public SourceImage fetch(String url) {
        OriginUrl current = OriginUrl.parse(url);
        long deadline = System.nanoTime() + limits.totalTimeout().toNanos();
        for (int hop = 0; hop <= limits.maxRedirects(); hop++) {
            InetAddress address = checkedAddress(current);
            OriginHttp.Response response = http.get(current, address, deadline);
            if (response.location() != null) {
                current = current.resolve(response.location());
                continue;
            }
            return new SourceImage(response.body(), response.contentType(), current.toString());
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
}
