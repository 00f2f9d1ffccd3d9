package io.tidbcloud.cli.credentials;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files only their owner can read: directory 0700, files 0600. A file is
 * written to a temporary file that is created 0600 (so no content is ever
 * readable by others, not even for an instant) and renamed over the old one,
 * so a crash leaves either the old or the new file, never half of one.
 */
public final class SecureFiles {

    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private SecureFiles() {}

    public static void ensurePrivateDirectory(Path dir) throws IOException {
        if (!posix()) {
            Files.createDirectories(dir);
            return;
        }
        if (!Files.isDirectory(dir)) {
            Path parent = dir.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
        }
        // createDirectory applies the umask, and an existing directory may be too open.
        if (!Files.getPosixFilePermissions(dir).equals(DIRECTORY)) {
            Files.setPosixFilePermissions(dir, DIRECTORY);
        }
    }

    /**
     * Writes {@code content} as described above. A failure is a {@link FileSystemException} naming
     * {@code file} (not the temporary file) with the file system's reason: read-only, no space left.
     */
    public static void writePrivate(Path file, byte[] content) throws IOException {
        try {
            writeThroughTemporaryFile(file, content);
        } catch (IOException e) {
            FileSystemException named = new FileSystemException(file.toString(), null, reason(e));
            named.initCause(e);
            throw named;
        }
    }

    private static void writeThroughTemporaryFile(Path file, byte[] content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        ensurePrivateDirectory(dir);
        FileAttribute<?>[] attributes =
                posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
        Path temp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp", attributes);
        try {
            if (posix()) {
                Files.setPosixFilePermissions(temp, FILE); // before any byte is written
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The operating system's words ("Read-only file system", "No space left on device"). */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        String reason = e instanceof FileSystemException fileSystem ? fileSystem.getReason() : e.getMessage();
        return reason == null ? "cannot be written" : reason;
    }

    /**
     * Fails with the file system's reason (read-only, no space left, not permitted) unless {@code dir} can
     * be made and a file of {@code bytes} written in it, the way {@link #writePrivate} writes; leaves nothing
     * behind. For a command that would otherwise learn only at its end that it cannot keep its result.
     */
    public static void checkWritable(Path dir, int bytes) throws IOException {
        Path probe = dir.resolve(".write-check");
        writePrivate(probe, new byte[bytes]);
        Files.delete(probe);
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
