package dev.newsdesk.e2e.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsdesk.e2e.GalleryOrigin;
import dev.newsdesk.e2e.NewsdeskSystem;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What the fuzzer aims at: witnesses (articles it never writes to, compared byte for byte),
 * throwaways (the only articles it writes to with the token), and every other article already
 * public, compared by what an editor wrote (an image's measured placeholder may arrive meanwhile).
 */
final class FuzzTargets {

    private static final List<String> WRITTEN_FIELDS =
            List.of("slug", "title", "publishedAt", "categories", "tags", "source", "summary", "bodyHtml", "status");

    final NewsdeskSystem system;
    final GalleryOrigin origin;
    final List<Long> witnesses = new ArrayList<>();
    final List<String> witnessSlugs = new ArrayList<>();
    final List<Long> throwaways = new ArrayList<>();
    final List<Long> others = new ArrayList<>();

    private FuzzTargets(NewsdeskSystem system, GalleryOrigin origin) {
        this.system = system;
        this.origin = origin;
    }

    static FuzzTargets prepare(NewsdeskSystem system, GalleryOrigin origin) {
        FuzzTargets targets = new FuzzTargets(system, origin);
        for (int i = 0; i < 9; i++) {
            String word = "模糊" + UUID.randomUUID().toString().substring(0, 8);
            JsonNode article = Calls.importPost(system, """
                    ---
                    layout: post
                    title: "%s"
                    date: 2023-0%d-10 08:00:00 +0800
                    categories: 模糊测试
                    tags: [模糊, 测试]
                    ---
                    <p>%s 的正文。</p>
                    """.formatted(word, 1 + i, word));
            if (i < 3) {
                targets.witnesses.add(article.get("id").asLong());
                targets.witnessSlugs.add(article.get("slug").asText());
            } else {
                targets.throwaways.add(article.get("id").asLong());
            }
        }
        String cursor = null;
        do {
            JsonNode page = Calls.json(Calls.get(system.article().baseUrl() + "/api/articles?limit=100"
                            + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)))
                    .body());
            page.get("items").forEach(item -> {
                long id = item.get("id").asLong();
                if (!targets.witnesses.contains(id) && !targets.throwaways.contains(id)) {
                    targets.others.add(id);
                }
            });
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asText();
        } while (cursor != null && targets.others.size() < 500);
        return targets;
    }

    /** Each witness's bytes and each other article's written fields, by id. */
    Map<String, String> snapshot() {
        Map<String, String> state = new TreeMap<>();
        for (long id : witnesses) {
            state.put("witness " + id, read(id).body());
        }
        for (long id : others) {
            HttpResponse<String> answer = read(id);
            if (answer.statusCode() != 200) {
                state.put("article " + id, String.valueOf(answer.statusCode()));
                continue;
            }
            JsonNode article = Calls.json(answer.body());
            ObjectNode written = Hostile.JSON.createObjectNode();
            WRITTEN_FIELDS.forEach(f -> written.set(f, article.get(f)));
            state.put("article " + id, written.toString());
        }
        return state;
    }

    /** The current entity tag of a throwaway, so that some token-bearing PUTs reach the body checks. */
    String etag(long id) {
        return read(id).headers().firstValue("ETag").orElse("\"none\"");
    }

    private HttpResponse<String> read(long id) {
        return Calls.get(system.article().baseUrl() + "/api/articles/" + id);
    }
}
