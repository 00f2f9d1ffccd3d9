package io.tidbcloud.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small file system of its own (tmpfs) mounted on a new directory, which a test fills up or turns
 * read-only: the build runs as root, for whom no file mode makes a directory read-only, so only a
 * real read-only or full file system shows what a person meets. {@link #close()} unmounts it and
 * removes the directory, also when the test failed.
 */
final class Tmpfs implements AutoCloseable {

    private final Path dir;

    private Tmpfs(Path dir) {
        this.dir = dir;
    }

    /** A tmpfs of {@code size} (mount's notation, e.g. 64k) on a new directory under {@code parent}. */
    static Tmpfs mount(Path parent, String size) throws IOException, InterruptedException {
        return mountAt(Files.createTempDirectory(parent, "tmpfs"), size);
    }

    /** A tmpfs of {@code size} on {@code dir}, made when missing (an existing one must be empty). */
    static Tmpfs mountAt(Path dir, String size) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        try {
            run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString());
        } catch (IllegalStateException e) {
            Files.deleteIfExists(dir);
            throw e;
        }
        return new Tmpfs(dir);
    }

    Path dir() {
        return dir;
    }

    /** Remounts it read-only: every write fails with EROFS, "Read-only file system". */
    Tmpfs readOnly() throws IOException, InterruptedException {
        run("mount", "-o", "remount,ro", dir.toString());
        return this;
    }

    /** Fills it to the last byte: every further write fails with ENOSPC, "No space left on device". */
    Tmpfs full() throws IOException {
        byte[] block = new byte[4096];
        Path filler = dir.resolve("filler");
        try (var out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException noSpaceLeft) {
            // full now
        }
        return this;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            run("umount", dir.toString());
        } finally {
            Files.deleteIfExists(dir);
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process =
                new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (the tests run as root): " + output);
        }
    }
}
