package io.tidbcloud.cli.testing;

import io.tidbcloud.cli.BrowserOpener;
import io.tidbcloud.cli.CliContext;
import io.tidbcloud.cli.ErrorHandler;
import io.tidbcloud.cli.GlobalOptions;
import io.tidbcloud.cli.Ticloud;
import io.tidbcloud.cli.credentials.CredentialStore;
import io.tidbcloud.cli.credentials.Credentials;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs ticloud commands in-process against an {@link HttpStub}, with a fake
 * clock, a recording browser and captured stdout/stderr.
 *
 * <p>A command test holds one in a {@code @RegisterExtension} field, made by
 * {@link #withStub()}: the CLI then has its own stub and its own config
 * directory, and after each test the extension checks the stub (when asked
 * to), stops it and deletes the directory.
 */
public final class TestCli implements AfterEachCallback {

    public record Result(int exitCode, String out, String err) {}

    /** What config.toml holds with only the built-in default profile: after a first login, or deleting the others. */
    public static final String DEFAULT_CONFIG_TOML = """
            current-profile = "default"

            [default]
            oauth-endpoint = "http://localhost:8180/realms/tidbcloud"
            oauth-client-id = "ticloud-cli"
            api-endpoint = "http://localhost:8080"
            """;

    /** Keycloak's default access token lifespan (realm tidbcloud keeps it). */
    private static final long DEFAULT_TOKEN_LIFETIME_SECONDS = 300;

    public final FakeClock clock = FakeClock.at("2026-01-01T00:00:00Z");
    public final List<URI> openedInBrowser = new ArrayList<>();
    public final Map<String, String> env = new HashMap<>();
    public final Path configDir;
    /** The stub the OAuth and API endpoints point at. */
    public final HttpStub stub;

    public boolean interactive;
    public boolean browserAvailable = true;
    /** What the person types, line by line (confirmations). */
    public String stdin = "";

    private final HttpClient http = HttpClient.newHttpClient();
    /** The directory this CLI made and deletes; null when the test passed its own. */
    private final Path ownTempDir;

    /** A CLI sharing {@code stub} and {@code tempDir} with others (two processes at once); the caller cleans up. */
    public TestCli(HttpStub stub, Path tempDir) {
        this(stub, tempDir, null);
    }

    private TestCli(HttpStub stub, Path tempDir, Path ownTempDir) {
        this.configDir = tempDir.resolve("ticloud-config");
        this.stub = stub;
        this.ownTempDir = ownTempDir;
        env.put("TICLOUD_CONFIG_DIR", configDir.toString());
        env.put("TICLOUD_OAUTH_ENDPOINT", stub.base() + "/realms/tidbcloud");
        env.put("TICLOUD_API_ENDPOINT", stub.base().toString());
        env.put("PATH", "/usr/bin:/bin");
    }

    /**
     * A CLI with its own stub and temporary directory, for a {@code @RegisterExtension} field. After each test
     * it fails on a scripted response nobody asked for or a request nobody scripted
     * ({@link HttpStub#verifyAllUsed()}).
     */
    public static TestCli withStub() {
        HttpStub stub = new HttpStub();
        Path tempDir;
        try {
            tempDir = Files.createTempDirectory("ticloud-test");
        } catch (IOException e) {
            stub.close();
            throw new UncheckedIOException(e);
        }
        return new TestCli(stub, tempDir, tempDir);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (ownTempDir == null) {
            throw new IllegalStateException(
                    "register a TestCli made by TestCli.withStub(), which owns what it cleans up");
        }
        try {
            stub.verifyAllUsed();
        } finally {
            stub.close();
            deleteRecursively(ownTempDir);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    public String oauthEndpoint() {
        return env.get("TICLOUD_OAUTH_ENDPOINT");
    }

    /** A command's work, given the context it is made with: {@code context -> new XCommand(context).run(options)}. */
    @FunctionalInterface
    public interface Command {
        int run(CliContext context) throws Exception;
    }

    /** Runs ticloud with this command line, parsing included, as the {@code ticloud} process would. */
    public Result run(String... args) {
        return capture(context -> Ticloud.run(context, args));
    }

    /**
     * Runs one command directly with its options record, no command line; a failure is reported as ticloud
     * reports it (message on stderr, exit code).
     */
    public Result call(Command command) {
        return capture(context -> {
            try {
                return command.run(context);
            } catch (Exception e) {
                return ErrorHandler.report(e, context.err());
            }
        });
    }

    private Result capture(Command command) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        BrowserOpener browser = new BrowserOpener() {
            @Override
            public boolean available() {
                return browserAvailable;
            }

            @Override
            public void open(URI uri) {
                openedInBrowser.add(uri);
            }
        };
        CliContext context = new CliContext(
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                Map.copyOf(env),
                configDir.getParent(),
                http,
                clock,
                clock.sleeper(),
                browser,
                interactive,
                new GlobalOptions(),
                new BufferedReader(new StringReader(stdin)));
        int exitCode;
        try {
            exitCode = command.run(context);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return new Result(exitCode, out.toString(), err.toString());
    }

    public CredentialStore credentials() {
        return new CredentialStore(configDir);
    }

    public Optional<Credentials> storedCredentials() {
        try {
            return credentials().load("default");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stores tokens as a login would have, expiring {@code expiresInSeconds} from the fake now: issued for
     * Keycloak's default 5 minutes, of which this much is left.
     */
    public Credentials signIn(String accessToken, String refreshToken, long expiresInSeconds) throws IOException {
        long expiresAt = clock.instant().getEpochSecond() + expiresInSeconds;
        return store(accessToken, refreshToken, expiresAt - DEFAULT_TOKEN_LIFETIME_SECONDS, expiresAt);
    }

    /** Stores tokens that a login issued at the fake now, living {@code lifetimeSeconds}. */
    public Credentials signInJustIssued(String accessToken, String refreshToken, long lifetimeSeconds)
            throws IOException {
        long now = clock.instant().getEpochSecond();
        return store(accessToken, refreshToken, now, now + lifetimeSeconds);
    }

    private Credentials store(String accessToken, String refreshToken, long issuedAt, long expiresAt)
            throws IOException {
        Credentials credentials = new Credentials(
                oauthEndpoint(),
                "ticloud-cli",
                accessToken,
                refreshToken,
                null,
                issuedAt,
                expiresAt,
                "openid project:read",
                "alice@example.com");
        credentials().save("default", credentials);
        return credentials;
    }
}
