package io.tidbcloud.cli;

import io.tidbcloud.cli.config.Profile;
import io.tidbcloud.cli.config.Settings;
import io.tidbcloud.cli.credentials.CredentialStore;
import io.tidbcloud.cli.http.CliHttpClient;
import io.tidbcloud.cli.http.HttpTransport;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Everything a command touches outside itself, passed in so that tests run
 * commands without a terminal, a browser, a real clock or the network.
 *
 * @param out         data (what scripts read)
 * @param err         prompts, progress and errors
 * @param env         environment variables
 * @param home        the user's home directory (default config directory parent)
 * @param http        HTTP client for the sign-in server and the API
 * @param clock       wall clock (token expiry, device code expiry)
 * @param sleeper     waits between device-flow polls
 * @param browser     opens the verification URL
 * @param interactive whether a person is at a terminal (stdin and stderr are TTYs)
 * @param options     -P/--profile and -D/--debug, filled in while the command line is parsed
 * @param in          what the person types (confirmations)
 */
public record CliContext(
        PrintWriter out,
        PrintWriter err,
        Map<String, String> env,
        Path home,
        HttpClient http,
        Clock clock,
        Sleeper sleeper,
        BrowserOpener browser,
        boolean interactive,
        GlobalOptions options,
        BufferedReader in) {

    public CliContext(
            PrintWriter out,
            PrintWriter err,
            Map<String, String> env,
            Path home,
            HttpClient http,
            Clock clock,
            Sleeper sleeper,
            BrowserOpener browser,
            boolean interactive) {
        this(
                out,
                err,
                env,
                home,
                http,
                clock,
                sleeper,
                browser,
                interactive,
                new GlobalOptions(),
                new BufferedReader(new StringReader("")));
    }

    /** The real machine: System streams and environment, system clock, a browser if there is one. */
    public static CliContext system() {
        Map<String, String> env = System.getenv();
        return new CliContext(
                new PrintWriter(System.out, true),
                new PrintWriter(System.err, true),
                env,
                Path.of(System.getProperty("user.home")),
                CliHttpClient.create(),
                Clock.systemUTC(),
                Sleeper.system(),
                BrowserOpener.system(env),
                isTerminal(),
                new GlobalOptions(),
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
    }

    public Settings settings() {
        return Settings.load(env, home);
    }

    /** The profile this command works on: -P, else the config's current profile; environment overrides applied. */
    public Profile profile() {
        return settings().profile(options.profile());
    }

    /** Where this profile's tokens live: the OS keyring when one is reachable, else the credentials file. */
    public CredentialStore credentials() {
        return CredentialStore.open(Settings.configDir(env, home), env); // config.toml is not needed here
    }

    /** HTTP as every command sends it; with -D each exchange goes to stderr, tokens masked. */
    public HttpTransport transport() {
        return new HttpTransport(http, options.debug() ? err : null, clock);
    }

    private static boolean isTerminal() {
        var console = System.console();
        if (console == null) {
            return false;
        }
        // Since JDK 22 System.console() is non-null even when redirected; isTerminal() tells the truth there.
        try {
            Method isTerminal = console.getClass().getMethod("isTerminal");
            return (boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException absentBeforeJdk22) {
            return true;
        }
    }
}
