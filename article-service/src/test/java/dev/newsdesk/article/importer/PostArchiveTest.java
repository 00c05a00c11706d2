package dev.newsdesk.article.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsdesk.article.TestPosts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostArchiveTest {

    static byte[] zip(Map<String, byte[]> entries) {
        return TestPosts.zip(entries);
    }

    @Test
    void readsPostsAndMarksOtherFiles() throws IOException {
        List<PostArchive.Entry> entries =
                PostArchive.read(zip(Map.of("_posts/a.md", "x".getBytes(), "notes.txt", "y".getBytes())));
        assertEquals(2, entries.size());
        PostArchive.Entry post = entries.stream()
                .filter(e -> e.name().equals("_posts/a.md"))
                .findFirst()
                .orElseThrow();
        assertNull(post.rejection());
        assertTrue(entries.stream().anyMatch(e -> e.name().equals("notes.txt") && e.rejection() != null));
    }

    @Test
    void refusesParentDirectoryNames() throws IOException {
        ImportRejected r = assertThrows(
                ImportRejected.class, () -> PostArchive.read(zip(Map.of("../../etc/evil.md", "x".getBytes()))));
        assertTrue(r.getMessage().contains("../../etc/evil.md"));
        assertTrue(PostArchive.isUnsafeName("/abs.md"));
        assertTrue(PostArchive.isUnsafeName("a\\..\\b.md"));
    }

    @Test
    void refusesZipBombs() throws IOException {
        byte[] zeros = new byte[900 * 1024];
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            many.put("p" + i + ".md", zeros);
        }
        byte[] bomb = zip(many);
        ImportRejected r = assertThrows(ImportRejected.class, () -> PostArchive.read(bomb));
        assertEquals(413, r.toProblem().status());
        assertTrue(r.getMessage().contains("zip bomb"));
    }

    @Test
    void oneOversizedEntryIsRejectedAlone() throws IOException {
        byte[] big = new byte[1024 * 1024 + 10];
        Arrays.fill(big, (byte) 'a'); // compresses well: the ratio check must not take one 1 MiB post for a bomb
        Map<String, byte[]> posts = new LinkedHashMap<>();
        posts.put("_posts/first.md", "first post".getBytes(StandardCharsets.UTF_8));
        posts.put("_posts/big.md", big);
        posts.put("_posts/last.md", "last post".getBytes(StandardCharsets.UTF_8));

        List<PostArchive.Entry> entries = PostArchive.read(zip(posts));

        assertEquals(
                List.of("_posts/first.md", "_posts/big.md", "_posts/last.md"),
                entries.stream().map(PostArchive.Entry::name).toList());
        assertNull(entries.get(0).rejection());
        assertArrayEquals(
                "first post".getBytes(StandardCharsets.UTF_8), entries.get(0).bytes());
        assertTrue(
                entries.get(1).rejection().contains("larger than the limit"),
                entries.get(1).rejection());
        assertNull(entries.get(1).bytes());
        assertNull(entries.get(2).rejection());
        assertArrayEquals(
                "last post".getBytes(StandardCharsets.UTF_8), entries.get(2).bytes());
    }

    @Test
    void garbageIsNotAnArchive() {
        assertThrows(ImportRejected.class, () -> PostArchive.read("not a zip at all".getBytes()));
    }
}
