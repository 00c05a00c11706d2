package dev.newsdesk.article.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import org.jboss.logging.Logger;

/**
 * A folder of this process's own under a shared parent, for files a replica keeps of what it
 * serves: locked while the process runs, so two processes given one data folder never share
 * files, and a folder left by a killed process is removed at the next start.
 */
public final class RunFolder implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RunFolder.class);
    private static final String LOCK = ".lock";

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private RunFolder(Path dir, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** A fresh folder under {@code parent}; folders of processes that no longer run are removed first. */
    public static RunFolder open(Path parent) {
        try {
            Files.createDirectories(parent);
            removeAbandoned(parent);
            // Created under another name and locked before it is renamed into the "run-" names a
            // starting process looks at, so no process can take it for abandoned in between.
            Path fresh = Files.createTempDirectory(parent, "new-");
            FileChannel channel =
                    FileChannel.open(fresh.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.lock();
            Path dir = parent.resolve("run-" + fresh.getFileName().toString().substring("new-".length()));
            Files.move(fresh, dir, StandardCopyOption.ATOMIC_MOVE);
            return new RunFolder(dir, channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep files under " + parent, e);
        }
    }

    public Path path() {
        return dir;
    }

    /** The folder's absolute path with a trailing slash, to which file names are appended. */
    public String prefix() {
        return dir.toAbsolutePath() + "/";
    }

    /** Releases the lock and removes the folder with what is in it. */
    @Override
    public void close() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            LOG.debugf(e, "Releasing %s", dir);
        }
        deleteTree(dir);
    }

    /** Removes the folders under {@code parent} whose lock no running process holds. */
    public static void removeAbandoned(Path parent) throws IOException {
        try (DirectoryStream<Path> runs = Files.newDirectoryStream(parent, "run-*")) {
            for (Path run : runs) {
                boolean abandoned;
                try (FileChannel c = FileChannel.open(
                                run.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        FileLock l = c.tryLock()) {
                    abandoned = l != null;
                } catch (OverlappingFileLockException inThisProcess) {
                    abandoned = false;
                } catch (IOException e) {
                    LOG.debugf(e, "Could not tell whether %s is in use", run);
                    abandoned = false;
                }
                if (abandoned) {
                    deleteTree(run);
                }
            }
        }
    }

    /** Removes a file that may already be gone (evicted meanwhile): no error either way. */
    public static void deleteQuietly(String file) {
        try {
            Files.deleteIfExists(Path.of(file));
        } catch (IOException e) {
            LOG.debugf(e, "Removing %s", file);
        }
    }

    private static void deleteTree(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    deleteQuietly(file.toString());
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    deleteQuietly(dir.toString());
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.debugf(e, "Removing %s", root);
        }
    }
}
