package dev.newsdesk.article.api;

import dev.newsdesk.article.config.ApiConfig;
import dev.newsdesk.http.ProblemException;
import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Guards writes: {@code Authorization: Bearer <token>} with a token from
 * {@code NEWSDESK_API_TOKENS}. With no tokens configured, writes are refused, except in dev mode
 * where a developer has nothing to configure.
 */
@ApplicationScoped
public class WriteAccess {

    private final List<byte[]> tokens;
    private final boolean devMode;

    @Inject
    WriteAccess(ApiConfig config) {
        this(config.apiTokens().orElse(List.of()), LaunchMode.current() == LaunchMode.DEVELOPMENT);
    }

    WriteAccess(List<String> tokens, boolean devMode) {
        this.tokens = tokens.stream()
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .map(t -> t.getBytes(StandardCharsets.UTF_8))
                .toList();
        this.devMode = devMode;
    }

    /** Whether {@code authorization} carries an accepted token: such a caller also reads drafts. */
    public boolean allows(String authorization) {
        try {
            require(authorization);
            return true;
        } catch (ProblemException refused) {
            return false;
        }
    }

    public void require(String authorization) {
        if (tokens.isEmpty()) {
            if (devMode) {
                return;
            }
            throw unauthorized("Writes are disabled: no API tokens are configured (NEWSDESK_API_TOKENS)");
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw unauthorized("Writes need an 'Authorization: Bearer <token>' header");
        }
        byte[] given = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        // Constant-time comparison, so response timing does not reveal how much of a token matched.
        boolean known = false;
        for (byte[] token : tokens) {
            known |= MessageDigest.isEqual(token, given);
        }
        if (!known) {
            throw unauthorized("The bearer token is not accepted");
        }
    }

    private static ProblemException unauthorized(String detail) {
        // RFC 6750: a 401 names the scheme the client should use.
        return ProblemException.of(401, detail).withHeader("WWW-Authenticate", "Bearer realm=\"newsdesk\"");
    }
}
