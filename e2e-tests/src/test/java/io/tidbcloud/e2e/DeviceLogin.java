package io.tidbcloud.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidbcloud.testsupport.Browser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * `ticloud auth login --no-browser` as a person completes it: the CLI prints the verification URL
 * and the code on stderr, the person opens the URL in a real browser, signs in through a provider
 * and approves; the login command then ends with exit 0.
 */
final class DeviceLogin {

    /** What the CLI showed before the approval, and how the login command ended. */
    record Outcome(String verificationUrl, String userCode, TicloudCli.Result result) {}

    private DeviceLogin() {}

    /**
     * Signs {@code user} in through {@code idp} (google or microsoft, the stand-in realms);
     * {@code loginOptions} go to `auth login`, e.g. {@code "--scopes", "project:read"}.
     */
    static Outcome signIn(TicloudCli ticloud, String idp, String user, String password, String... loginOptions)
            throws Exception {
        TicloudCli.Running login = ticloud.start(command(loginOptions));
        String url = login.awaitStderrLine("Open this URL in your browser:", Duration.ofSeconds(60));
        String code = login.awaitStderrLine("Then confirm that it shows the code:", Duration.ofSeconds(5));
        approve(url, idp, user, password).close();
        Outcome outcome = new Outcome(url, code, awaitSuccess(login));
        RevocationStack.storedCredentials(ticloud); // records the CLI's tokens (IssuedSecrets)
        return outcome;
    }

    /**
     * As {@link #signIn}, but the browser stays signed in at Keycloak, for a test that goes on as
     * the same person there; the caller closes it.
     */
    static Browser signInKeepingBrowser(TicloudCli ticloud, String idp, String user, String password) throws Exception {
        TicloudCli.Running login = ticloud.start(command());
        String url = login.awaitStderrLine("Open this URL in your browser:", Duration.ofSeconds(60));
        login.awaitStderrLine("Then confirm that it shows the code:", Duration.ofSeconds(5));
        Browser browser = approve(url, idp, user, password);
        try {
            awaitSuccess(login);
            RevocationStack.storedCredentials(ticloud); // records the CLI's tokens (IssuedSecrets)
        } catch (Exception | Error e) {
            browser.close();
            throw e;
        }
        return browser;
    }

    /**
     * Starts `auth login`, signs {@code user} in and declines the consent in the browser; returns
     * how the login command ended (it should not succeed).
     */
    static TicloudCli.Result signInAndDecline(TicloudCli ticloud, String idp, String user, String password)
            throws Exception {
        TicloudCli.Running login = ticloud.start(command());
        String url = login.awaitStderrLine("Open this URL in your browser:", Duration.ofSeconds(60));
        try (Browser browser = Browser.start()) {
            SignInPages pages = new SignInPages(browser);
            browser.open(url);
            pages.signInWith(idp, user, password);
            pages.declineConsent();
        }
        return login.await(Duration.ofSeconds(60));
    }

    private static String[] command(String... loginOptions) {
        List<String> command = new ArrayList<>(List.of("auth", "login", "--no-browser"));
        command.addAll(List.of(loginOptions));
        return command.toArray(String[]::new);
    }

    /** The browser after the approval; a screenshot under target/screenshots when it went wrong. */
    private static Browser approve(String url, String idp, String user, String password) throws Exception {
        Browser browser = Browser.start();
        try {
            new SignInPages(browser).approveDevice(url, idp, user, password);
            browser.awaitText("Device Login Successful");
        } catch (RuntimeException | Error e) {
            browser.screenshot("device-login-" + user);
            browser.close();
            throw e;
        }
        return browser;
    }

    private static TicloudCli.Result awaitSuccess(TicloudCli.Running login) throws Exception {
        TicloudCli.Result result = login.await(Duration.ofSeconds(60));
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return result;
    }
}
