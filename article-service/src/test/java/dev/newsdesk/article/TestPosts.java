package dev.newsdesk.article;

import static io.restassured.RestAssured.given;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Test posts: the fixture files, small generated posts and zips of them. */
public final class TestPosts {

    public static final String TOKEN = "Bearer test-token";

    private TestPosts() {}

    /** A word no other test uses, for filters and searches that must see only this test's articles. */
    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    public static byte[] fixture(String name) {
        try (InputStream in = TestPosts.class.getResourceAsStream("/posts/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String post(String title, String date, String category, String tag, String body) {
        return "---\nlayout: post\ntitle: \"" + title + "\"\ndate: " + date + "\ncategories: " + category + "\ntags: "
                + tag + "\n---\n" + body + "\n";
    }

    /** Imports one post (as {@code text/markdown}, with the test token) that must be new; its id. */
    public static long importNew(String post) {
        return given().header("Authorization", TOKEN)
                .contentType("text/markdown")
                .body(utf8(post))
                .post("/api/import")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    public static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
