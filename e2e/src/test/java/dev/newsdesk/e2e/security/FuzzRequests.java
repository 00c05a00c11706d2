package dev.newsdesk.e2e.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.newsdesk.e2e.NewsdeskSystem;
import dev.newsdesk.e2e.security.ApiSurface.ApiOperation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns an operation into one hostile request; every choice comes from the seeded {@link Hostile}. */
final class FuzzRequests {

    /**
     * Characters, not bytes: at up to 4 UTF-8 bytes each, 1,000 keep the request line under the
     * codec's 4,096-byte limit (3,000 did not once a hostile value was Chinese text).
     */
    static final int MAX_TARGET = 1_000;

    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");
    private static final List<String> OTHER_METHODS =
            List.of("PATCH", "OPTIONS", "HEAD", "TRACE", "PUT", "DELETE", "POST");
    private static final List<String> OPTION_VALUES =
            List.of("-1", "0", "1", "99999", "4000", "abc", "1.5", "", "auto", "cover", "jpeg", "gif", "avif", "png");
    private static final List<String> OPTION_KEYS = List.of("w", "h", "fit", "dpr", "q", "f", "x", "w:1");

    /** One request as it goes on the wire. */
    record Request(String method, String target, Map<String, String> headers, byte[] body) {
        @Override
        public String toString() {
            String shown = body == null ? "" : " body " + body.length + " bytes";
            return method + " " + (target.length() > 300 ? target.substring(0, 300) + "…" : target) + " " + headers
                    + shown;
        }
    }

    private final Hostile hostile;
    private final NewsdeskSystem system;
    private final FuzzTargets targets;

    FuzzRequests(Hostile hostile, NewsdeskSystem system, FuzzTargets targets) {
        this.hostile = hostile;
        this.system = system;
        this.targets = targets;
    }

    ApiOperation pick(List<ApiOperation> operations) {
        return hostile.pick(operations);
    }

    Request make(ApiOperation operation) {
        String method = hostile.chance(0.05) ? hostile.pick(OTHER_METHODS) : operation.method();
        boolean token = hostile.chance(0.5);
        boolean writes = !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
        Map<String, String> headers = new LinkedHashMap<>();
        if (token) {
            headers.put("Authorization", "Bearer " + NewsdeskSystem.API_TOKEN);
        } else if (hostile.chance(0.3)) {
            headers.put(
                    "Authorization",
                    hostile.pick(List.of("Bearer wrong", "Basic YTpi", "Bearer ", hostile.headerValue())));
        }
        Long throwaway = null;
        StringBuilder target = new StringBuilder();
        Matcher m = TEMPLATE.matcher(operation.path());
        while (m.find()) {
            String name = m.group(1);
            String value;
            if (name.equals("rest") && operation.service().equals("image-service") && hostile.chance(0.5)) {
                m.appendReplacement(target, "");
                return imageRequest(method, headers);
            } else if (name.equals("id") && token && writes) {
                // With the token, only the fuzzer's own articles are ever written to.
                throwaway = operation.path().startsWith("/api/articles") && hostile.chance(0.7)
                        ? hostile.pick(targets.throwaways)
                        : null;
                value = throwaway != null ? String.valueOf(throwaway) : "x" + hostile.pathSegment();
            } else if (name.equals("id") && hostile.chance(0.4)) {
                value = String.valueOf(hostile.pick(hostile.chance(0.5) ? targets.witnesses : targets.throwaways));
            } else if (name.equals("slug") && hostile.chance(0.3)) {
                value = hostile.pick(targets.witnessSlugs);
            } else if (name.equals("file") && hostile.chance(0.5)) {
                value = hostile.pick(List.of("rss.xml", "atom.xml", "feed.json"));
            } else if (name.equals("rest")) {
                value = hostile.pathSegment() + "/" + hostile.pathSegment();
            } else {
                value = hostile.pathSegment();
            }
            m.appendReplacement(target, Matcher.quoteReplacement(value));
        }
        m.appendTail(target);
        String query = query(operation);
        for (String header : operation.headerParams()) {
            if (header.equalsIgnoreCase("If-Match") && throwaway != null && hostile.chance(0.6)) {
                headers.put(header, targets.etag(throwaway));
            } else if (hostile.chance(0.5)) {
                headers.put(header, hostile.headerValue());
            }
        }
        if (hostile.chance(0.3)) {
            headers.put(
                    "Accept", hostile.pick(List.of("text/html", "application/xml", "image/*", "x/y", "*/*;q=x", "")));
        }
        byte[] body = null;
        if (!operation.bodyTypes().isEmpty() || (writes && hostile.chance(0.2))) {
            String type = !operation.bodyTypes().isEmpty() && hostile.chance(0.6)
                    ? hostile.pick(operation.bodyTypes())
                    : hostile.contentType();
            if (hostile.chance(0.9)) {
                headers.put("Content-Type", type);
            }
            body = type.contains("json") && hostile.chance(0.8) ? json(operation) : hostile.rawBody();
        }
        // Longer request lines and header blocks are refused by the HTTP codec (414, 431) before
        // any application code, with a bare answer: not what this fuzzer is about.
        String line = target + query;
        return new Request(method, line.length() > MAX_TARGET ? line.substring(0, MAX_TARGET) : line, headers, body);
    }

    private String query(ApiOperation operation) {
        List<String> pairs = new ArrayList<>();
        for (String name : operation.queryParams()) {
            if (hostile.chance(0.5)) {
                pairs.add(name + "=" + hostile.queryValue());
            }
        }
        if (hostile.chance(0.1)) {
            pairs.add(hostile.queryValue() + "=" + hostile.queryValue());
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private byte[] json(ApiOperation operation) {
        try {
            return Hostile.JSON.writeValueAsBytes(hostile.json(operation.bodyShape(), 0));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A correctly signed image URL with hostile options and sources: past the signature check. */
    private Request imageRequest(String method, Map<String, String> headers) {
        List<String> options = new ArrayList<>();
        for (int i = hostile.random().nextInt(4); i >= 0; i--) {
            options.add(hostile.pick(OPTION_KEYS) + ":" + hostile.pick(OPTION_VALUES));
        }
        String source = switch (hostile.random().nextInt(4)) {
            case 0 -> targets.origin.url("F" + hostile.random().nextInt(3) + "_w300h200.jpg");
            case 1 -> targets.origin.base() + "download/missing.jpg";
            case 2 -> "http://127.0.0.1:1/x.jpg";
            default -> hostile.string();
        };
        String url = Calls.signedImageUrl(system, String.join("/", options), source);
        if (hostile.chance(0.3)) {
            headers.put("Accept", hostile.pick(List.of("image/avif,image/webp,*/*", "image/webp", "image/png", "x/y")));
        }
        if (hostile.chance(0.1)) {
            headers.put("If-None-Match", hostile.headerValue());
        }
        String target = url.substring(url.indexOf("/img/"));
        return new Request(method, target, headers, null);
    }
}
