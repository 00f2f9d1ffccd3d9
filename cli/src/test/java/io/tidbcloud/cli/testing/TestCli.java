package io.tidbcloud.cli.testing;

import io.tidbcloud.cli.BrowserOpener;
import io.tidbcloud.cli.CliContext;
import io.tidbcloud.cli.GlobalOptions;
import io.tidbcloud.cli.Ticloud;
import io.tidbcloud.cli.credentials.CredentialStore;
import io.tidbcloud.cli.credentials.Credentials;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs ticloud commands in-process against an {@link HttpStub}, with a fake
 * clock, a recording browser and captured stdout/stderr.
 */
public final class TestCli {

    public record Result(int exitCode, String out, String err) { }

    public final FakeClock clock = FakeClock.at("2026-01-01T00:00:00Z");
    public final List<URI> openedInBrowser = new ArrayList<>();
    public final Map<String, String> env = new HashMap<>();
    public final Path configDir;
    public boolean interactive;
    public boolean browserAvailable = true;
    /** What the person types, line by line (confirmations). */
    public String stdin = "";

    private final HttpClient http = HttpClient.newHttpClient();

    public TestCli(HttpStub stub, Path tempDir) {
        this.configDir = tempDir.resolve("ticloud-config");
        env.put("TICLOUD_CONFIG_DIR", configDir.toString());
        env.put("TICLOUD_OAUTH_ENDPOINT", stub.base() + "/realms/tidbcloud");
        env.put("TICLOUD_API_ENDPOINT", stub.base().toString());
        env.put("PATH", "/usr/bin:/bin");
    }

    public String oauthEndpoint() {
        return env.get("TICLOUD_OAUTH_ENDPOINT");
    }

    public Result run(String... args) {
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
        CliContext context = new CliContext(new PrintWriter(out, true), new PrintWriter(err, true), Map.copyOf(env),
                configDir.getParent(), http, clock, clock.sleeper(), browser, interactive, new GlobalOptions(),
                new BufferedReader(new StringReader(stdin)));
        int exitCode = Ticloud.run(context, args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    public CredentialStore credentials() {
        return new CredentialStore(configDir);
    }

    public Optional<Credentials> storedCredentials() {
        try {
            return credentials().load("default");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Stores tokens as a login would have, expiring {@code expiresInSeconds} from the fake now. */
    public Credentials signIn(String accessToken, String refreshToken, long expiresInSeconds) throws IOException {
        Credentials credentials = new Credentials(oauthEndpoint(), "ticloud-cli", accessToken, refreshToken, null,
                clock.instant().getEpochSecond() + expiresInSeconds, "openid project:read", "alice@example.com");
        credentials().save("default", credentials);
        return credentials;
    }
}
