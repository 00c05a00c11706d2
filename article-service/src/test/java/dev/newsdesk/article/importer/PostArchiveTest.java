package dev.newsdesk.article.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PostArchiveTest {

    static byte[] zip(Map<String, byte[]> entries) {
        return dev.newsdesk.article.TestPosts.zip(entries);
    }

    @Test
    void readsPostsAndMarksOtherFiles() throws IOException {
        List<PostArchive.Entry> entries = PostArchive.read(zip(Map.of("_posts/a.md", "x".getBytes(), "notes.txt", "y".getBytes())));
        assertEquals(2, entries.size());
        PostArchive.Entry post = entries.stream().filter(e -> e.name().equals("_posts/a.md")).findFirst().orElseThrow();
        assertNull(post.rejection());
        assertTrue(entries.stream().anyMatch(e -> e.name().equals("notes.txt") && e.rejection() != null));
    }

    @Test
    void refusesParentDirectoryNames() throws IOException {
        ImportRejected r = assertThrows(ImportRejected.class, () -> PostArchive.read(zip(Map.of("../../etc/evil.md", "x".getBytes()))));
        assertTrue(r.getMessage().contains("../../etc/evil.md"));
        assertTrue(PostArchive.isUnsafeName("/abs.md"));
        assertTrue(PostArchive.isUnsafeName("a\\..\\b.md"));
    }

    @Test
    void refusesZipBombs() throws IOException {
        byte[] zeros = new byte[900 * 1024];
        java.util.Map<String, byte[]> many = new java.util.LinkedHashMap<>();
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
        byte[] big = new byte[JekyllPostParser.MAX_POST_BYTES + 10];
        java.util.Arrays.fill(big, (byte) 'a');
        // Random-ish content would compress less; a ratio check must not trip on a single 1 MiB entry.
        List<PostArchive.Entry> entries = PostArchive.read(zip(Map.of("big.md", big)));
        assertTrue(entries.get(0).rejection() != null || entries.isEmpty());
    }

    @Test
    void garbageIsNotAnArchive() {
        assertThrows(ImportRejected.class, () -> PostArchive.read("not a zip at all".getBytes()));
    }
}
