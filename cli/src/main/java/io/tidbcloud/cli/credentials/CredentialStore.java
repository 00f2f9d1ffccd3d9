package io.tidbcloud.cli.credentials;

import io.tidbcloud.cli.CliException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The profiles' tokens, in the OS keyring when one is reachable and in the
 * credentials file otherwise, behind one lock per config directory.
 *
 * <p>The lock ({@code credentials.lock}, an OS file lock) serialises refreshes:
 * with refresh-token rotation Keycloak answers a refresh token used twice with
 * {@code invalid_grant} and ends the session, so a second process that wants to
 * refresh waits for the first, re-reads, and uses the tokens the first stored.
 */
public final class CredentialStore {

    public static final String FILE_NAME = "credentials.json";
    public static final String LOCK_FILE_NAME = "credentials.lock";
    /** {@code auto} (default: keyring when reachable, else file), {@code keyring} or {@code file}. */
    public static final String STORE_ENV = "TICLOUD_CREDENTIAL_STORE";

    /** FileChannel locks belong to the whole JVM: threads of one process queue here first. */
    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path configDir;
    private final TokenVault vault;

    /** The credentials file in {@code configDir}. */
    public CredentialStore(Path configDir) {
        this(configDir, new CredentialsFile(configDir.resolve(FILE_NAME)));
    }

    public CredentialStore(Path configDir, TokenVault vault) {
        this.configDir = configDir;
        this.vault = vault;
    }

    /** The keyring when one is reachable (or required by TICLOUD_CREDENTIAL_STORE=keyring), else the file. */
    public static CredentialStore open(Path configDir, Map<String, String> env) {
        String choice = env.getOrDefault(STORE_ENV, "auto").trim();
        switch (choice) {
            case "file":
                return new CredentialStore(configDir);
            case "keyring":
                return new CredentialStore(
                        configDir,
                        SecretServiceKeyring.reachable(configDir, env)
                                .orElseThrow(
                                        () -> CliException.error(STORE_ENV + "=keyring, but no Secret Service keyring "
                                                + "is reachable (needs a D-Bus session and secret-tool).")));
            case "auto":
            case "":
                return SecretServiceKeyring.reachable(configDir, env)
                        .map(keyring -> new CredentialStore(configDir, keyring))
                        .orElseGet(() -> new CredentialStore(configDir));
            default:
                throw CliException.error(STORE_ENV + " must be auto, keyring or file, not \"" + choice + "\".");
        }
    }

    public Path file() {
        return configDir.resolve(FILE_NAME);
    }

    public String location() {
        return vault.location();
    }

    public Optional<Credentials> load(String profile) throws IOException {
        return vault.load(profile);
    }

    public void save(String profile, Credentials credentials) throws IOException {
        vault.save(profile, credentials);
    }

    /** Forgets the profile's tokens; true when there were any. */
    public boolean delete(String profile) throws IOException {
        return vault.delete(profile);
    }

    /** Work that reads, maybe refreshes, and writes tokens, and must not interleave with another process doing so. */
    @FunctionalInterface
    public interface LockedWork<T> {
        T run() throws IOException, InterruptedException;
    }

    /** Runs {@code work} holding the credentials lock; waits as long as another process holds it. */
    public <T> T locked(LockedWork<T> work) throws IOException, InterruptedException {
        SecureFiles.ensurePrivateDirectory(configDir);
        Path lockFile = configDir.resolve(LOCK_FILE_NAME).toAbsolutePath().normalize();
        ReentrantLock inProcess = JVM_LOCKS.computeIfAbsent(lockFile, path -> new ReentrantLock());
        inProcess.lockInterruptibly();
        try {
            if (inProcess.getHoldCount() > 1) {
                return work.run(); // this thread already holds the file lock
            }
            try (FileChannel channel = FileChannel.open(
                            lockFile,
                            Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                            PosixFilePermissions.asFileAttribute(SecureFiles.FILE));
                    FileLock ignored = channel.lock()) {
                return work.run();
            }
        } finally {
            inProcess.unlock();
        }
    }
}
