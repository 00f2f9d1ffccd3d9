package io.tidbcloud.cli.credentials;

import io.tidbcloud.cli.CliException;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The freedesktop Secret Service (GNOME Keyring, KWallet...) through
 * {@code secret-tool} (Debian's libsecret-tools). One secret per profile and
 * config directory, attributes {@code service=ticloud},
 * {@code account=<config dir>#<profile>}; the secret is the credentials JSON,
 * passed on stdin, never on a command line.
 */
public final class SecretServiceKeyring implements TokenVault {

    static final String SERVICE = "ticloud";
    private static final long TIMEOUT_SECONDS = 10;

    private final String secretTool;
    private final Path configDir;

    SecretServiceKeyring(String secretTool, Path configDir) {
        this.secretTool = secretTool;
        this.configDir = configDir.toAbsolutePath().normalize();
    }

    /**
     * The keyring, when this session has one: a D-Bus session bus, secret-tool
     * on the PATH, and a lookup that the Secret Service answers (found or not
     * found) without an error.
     */
    static Optional<SecretServiceKeyring> reachable(Path configDir, Map<String, String> env) {
        if (env.getOrDefault("DBUS_SESSION_BUS_ADDRESS", "").isEmpty()) {
            return Optional.empty();
        }
        Optional<String> tool = onPath("secret-tool", env);
        if (tool.isEmpty()) {
            return Optional.empty();
        }
        SecretServiceKeyring keyring = new SecretServiceKeyring(tool.get(), configDir);
        try {
            Run probe = keyring.run(null, "lookup", "service", SERVICE, "account", "probe");
            return (probe.exit() == 0 || probe.exit() == 1) && probe.err().isBlank()
                    ? Optional.of(keyring)
                    : Optional.empty();
        } catch (IOException unusable) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<Credentials> load(String profile) throws IOException {
        Run lookup = run(null, "lookup", "service", SERVICE, "account", account(profile));
        if (lookup.exit() != 0 || lookup.out().isBlank()) {
            if (!lookup.err().isBlank()) {
                throw CliException.error("Cannot read your tokens from the OS keyring: "
                        + lookup.err().strip());
            }
            return Optional.empty();
        }
        return Optional.of(CredentialsJson.read(lookup.out().strip()));
    }

    @Override
    public void save(String profile, Credentials credentials) throws IOException {
        Run store = run(
                CredentialsJson.write(credentials),
                "store",
                "--label=ticloud (" + profile + ")",
                "service",
                SERVICE,
                "account",
                account(profile));
        if (store.exit() != 0) {
            throw CliException.error(
                    "Cannot store your tokens in the OS keyring: " + store.err().strip());
        }
    }

    @Override
    public boolean delete(String profile) throws IOException {
        boolean existed = load(profile).isPresent();
        run(null, "clear", "service", SERVICE, "account", account(profile));
        return existed;
    }

    @Override
    public String location() {
        return "the OS keyring (Secret Service)";
    }

    private String account(String profile) {
        return configDir + "#" + profile;
    }

    private record Run(int exit, String out, String err) {}

    private Run run(String stdin, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(secretTool);
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("secret-tool did not answer within " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for secret-tool");
        }
        return new Run(
                process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static Optional<String> onPath(String program, Map<String, String> env) {
        for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(dir, program);
            if (!dir.isEmpty() && candidate.canExecute()) {
                return Optional.of(candidate.getPath());
            }
        }
        return Optional.empty();
    }
}
