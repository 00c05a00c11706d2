package dev.newsdesk.article.articles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleFilesTest {

    @TempDir
    Path parent;

    private final AtomicBoolean listening = new AtomicBoolean(true);
    private ArticleFiles files;

    private ArticleFiles open(long maxBytes) {
        files = ArticleFiles.open(parent, maxBytes, listening::get);
        return files;
    }

    @AfterEach
    void close() {
        if (files != null) {
            files.close();
        }
    }

    private static CachedArticle article(long id, long version, boolean visible, String json) {
        return CachedArticle.of(id, "slug-" + id, version, visible, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aStoredArticleIsItsBytesAndETag() throws IOException {
        ArticleFiles files = open(1 << 20);
        CachedArticle a = article(7, 3, true, "{\"id\":7,\"title\":\"文件\"}");
        files.store(a, files.generation());

        ArticleFiles.OnDisk held = files.peek(7).orElseThrow();
        assertEquals(a.etag(), held.etag());
        assertArrayEquals(a.json(), Files.readAllBytes(Path.of(held.file())));
        assertTrue(Path.of(held.file()).startsWith(files.folder()));
        assertTrue(files.peek(8).isEmpty());
    }

    @Test
    void nothingIsServedWhileTheListenerIsAway() {
        ArticleFiles files = open(1 << 20);
        files.store(article(1, 1, true, "{}"), files.generation());
        listening.set(false);
        assertTrue(files.peek(1).isEmpty(), "no notification would retire it now");
        listening.set(true);
        assertTrue(files.peek(1).isPresent());
    }

    @Test
    void articlesThePublicDoesNotSeeAreNotKept() {
        ArticleFiles files = open(1 << 20);
        files.store(article(2, 1, false, "{\"status\":\"draft\"}"), files.generation());
        assertTrue(files.peek(2).isEmpty());
        assertEquals(0, filesOnDisk());
    }

    @Test
    void aLoadThatBeganBeforeEverythingWasDroppedIsNotKept() {
        ArticleFiles files = open(1 << 20);
        long before = files.generation();
        files.dropAll(); // the listener reconnected while the load was reading the old row
        files.store(article(3, 1, true, "{\"old\":true}"), before);
        assertTrue(files.peek(3).isEmpty());
        assertEquals(0, filesOnDisk());
    }

    @Test
    void aWriteRetiresOlderCopiesOnlyAndItsFile() throws Exception {
        ArticleFiles files = open(1 << 20);
        files.store(article(4, 2, true, "{\"v\":2}"), files.generation());
        String file = files.peek(4).orElseThrow().file();

        files.dropOlder(4, 2); // the notification of the very version held
        assertTrue(files.peek(4).isPresent());
        files.dropOlder(4, 3);
        assertTrue(files.peek(4).isEmpty());
        files.entries().cleanUp();
        awaitGone(Path.of(file));

        files.store(article(4, 3, true, "{\"v\":3}"), files.generation());
        files.drop(4); // this replica's own write or delete
        assertTrue(files.peek(4).isEmpty());
    }

    @Test
    void theBoundEvictsAndEvictionRemovesTheFiles() throws Exception {
        ArticleFiles files = open(1_000);
        for (long id = 1; id <= 20; id++) {
            files.store(article(id, 1, true, "x".repeat(200)), files.generation());
        }
        files.entries().cleanUp();
        assertTrue(
                files.entries().estimatedSize() <= 5, "held: " + files.entries().estimatedSize());
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (filesOnDisk() > files.entries().estimatedSize()) {
            assertTrue(System.nanoTime() < deadline, "evicted files stayed: " + filesOnDisk());
            Thread.sleep(10);
        }
    }

    @Test
    void aFolderLeftByAProcessThatDiedIsRemovedAndOneInUseIsNot() throws IOException {
        Path dead = Files.createDirectories(parent.resolve("run-dead"));
        Files.writeString(dead.resolve("1-1-1.json"), "{}");
        Files.createFile(dead.resolve(".lock"));
        ArticleFiles first = open(1 << 20);
        assertFalse(Files.exists(dead), "the abandoned folder stayed");

        try (ArticleFiles second = ArticleFiles.open(parent, 1 << 20, listening::get)) {
            assertTrue(Files.isDirectory(first.folder()), "a running instance's folder was removed");
            assertFalse(first.folder().equals(second.folder()));
        }
        Path stillLocked = Files.createDirectories(parent.resolve("run-busy"));
        try (FileChannel c = FileChannel.open(
                        stillLocked.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = c.lock()) {
            dev.newsdesk.article.files.RunFolder.removeAbandoned(parent);
            assertTrue(Files.isDirectory(stillLocked));
        }
        Path folder = first.folder();
        first.close();
        files = null;
        assertFalse(Files.exists(folder), "close leaves no folder behind");
    }

    private long filesOnDisk() {
        try (Stream<Path> all = Files.list(files.folder())) {
            return all.filter(p -> p.toString().endsWith(".json")).count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitGone(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (Files.exists(file)) {
            assertTrue(System.nanoTime() < deadline, file + " stayed");
            Thread.sleep(10);
        }
    }
}
