package dev.newsdesk.article.importer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Unpacks a zip of posts into memory, entirely, before anything is imported: an archive that
 * is unsafe as a whole (a zip bomb, a {@code ../} or absolute entry name, too many entries) is
 * refused with nothing written, while a bad post inside a safe archive only rejects that post.
 * Sizes are counted while inflating, never taken from the entry headers, which an attacker
 * writes.
 */
public final class PostArchive {

    public static final long MAX_ARCHIVE_BYTES = 50L * 1024 * 1024;
    public static final int MAX_ENTRIES = 10_000;
    public static final long MAX_TOTAL_BYTES = 200L * 1024 * 1024;
    /** Text compresses about 3–10×; beyond this an archive is built to blow up, not to carry posts. */
    public static final int MAX_RATIO = 100;
    /** Below this much inflated text the ratio is not checked: one small, very repetitive post is no bomb. */
    static final long RATIO_FLOOR = 8L * 1024 * 1024;

    /** One entry: its name and either its bytes or why it was not read. */
    public record Entry(String name, byte[] bytes, String rejection) {}

    private PostArchive() {}

    public static List<Entry> read(byte[] zip) {
        if (zip.length > MAX_ARCHIVE_BYTES) {
            throw new ImportRejected(413, "body", "The archive is " + zip.length + " bytes; the limit is 50 MiB");
        }
        // ZipInputStream reads garbage as an empty archive; the local-header or end-of-archive magic tells them apart.
        if (zip.length < 4
                || zip[0] != 'P'
                || zip[1] != 'K'
                || !(zip[2] == 3 && zip[3] == 4 || zip[2] == 5 && zip[3] == 6)) {
            throw new ImportRejected("body", "not a zip archive");
        }
        List<Entry> entries = new ArrayList<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String name = entry.getName();
                if (isUnsafeName(name)) {
                    throw new ImportRejected(
                            "archive",
                            "entry '" + name + "': names with '..', absolute paths or backslashes are refused");
                }
                if (entries.size() >= MAX_ENTRIES) {
                    throw new ImportRejected(413, "archive", "more than " + MAX_ENTRIES + " entries");
                }
                if (entry.isDirectory()) {
                    continue;
                }
                byte[] bytes = readCapped(in, JekyllPostParser.MAX_POST_BYTES + 1L);
                total += bytes.length;
                if (total > MAX_TOTAL_BYTES || (total > RATIO_FLOOR && total > (long) MAX_RATIO * zip.length)) {
                    throw new ImportRejected(
                            413,
                            "archive",
                            "entry '" + name + "': the archive inflates beyond its limits" + " ("
                                    + MAX_TOTAL_BYTES / 1024 / 1024 + " MiB in all, " + MAX_RATIO
                                    + "× its size); looks like a zip bomb");
                }
                if (!name.endsWith(".md") && !name.endsWith(".markdown")) {
                    entries.add(new Entry(name, null, "not a Markdown post (.md or .markdown)"));
                } else if (bytes.length > JekyllPostParser.MAX_POST_BYTES) {
                    entries.add(new Entry(name, null, "the post is larger than the limit of 1 MiB"));
                } else {
                    entries.add(new Entry(name, bytes, null));
                }
            }
        } catch (ZipException e) {
            throw new ImportRejected("body", "not a readable zip archive: " + e.getMessage());
        } catch (IOException e) {
            throw new ImportRejected("body", "not a readable zip archive");
        } catch (IllegalArgumentException e) {
            // ZipInputStream's answer to entry names that are not valid UTF-8.
            throw new ImportRejected("archive", "an entry name is not valid UTF-8");
        }
        return entries;
    }

    static boolean isUnsafeName(String name) {
        if (name.startsWith("/") || name.contains("\\") || name.matches("^[A-Za-z]:.*")) {
            return true;
        }
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /** Reads at most {@code cap} bytes, so one entry cannot exhaust memory whatever its header claims. */
    private static byte[] readCapped(InputStream in, long cap) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        long read = 0;
        int n;
        while (read < cap && (n = in.read(buffer, 0, (int) Math.min(buffer.length, cap - read))) > 0) {
            out.write(buffer, 0, n);
            read += n;
        }
        return out.toByteArray();
    }
}
