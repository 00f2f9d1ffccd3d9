package io.tidbcloud.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidbcloud.testsupport.Browser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The consent a person gives, in a real browser against the real stack: the device confirmation
 * (RFC 8628 section 5.4) when the CLI's complete link is opened, the scope selection in the device
 * flow and the authorization-code flow, Keycloak's final confirmation, what the tokens then hold and
 * what the API lets them do, remembered consent, and the limit on wrong user codes.
 *
 * <p>Consent is stored per person and client, so each test signs in to a client of its own: a copy of
 * ticloud-cli, or a throwaway third-party web application.
 */
class ConsentEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER_CODE = "[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}";
    private static final Set<String> API_SCOPES =
            Set.of("project:read", "project:write", "cluster:read", "cluster:write");
    /** The wrong user-code window of keycloak-extensions' device endpoint (its default). */
    private static final long LIMIT_WINDOW_SECONDS = 60;

    private static final Pattern WAIT_SECONDS = Pattern.compile("Wait (\\d+) seconds");

    @RegisterExtension
    static final CloudApiProcess cloudApi = new CloudApiProcess();

    @RegisterExtension
    final CliClientCopies cliClients = new CliClientCopies();

    private final RealmAdmin admin = new RealmAdmin();
    private String cliClientId;

    @TempDir
    Path tempDir;

    @Test
    void theCompleteLinkShowsTheCodeTheCliPrintedAndCancelThereDeniesTheLogin() throws Exception {
        TicloudCli ticloud = cliWithOwnClient();
        TicloudCli.Running login = ticloud.start("auth", "login", "--no-browser");
        String url = login.awaitStderrLine("Open this URL in your browser:", Duration.ofSeconds(60));
        String code = login.awaitStderrLine("Then confirm that it shows the code:", Duration.ofSeconds(5));

        try (Browser browser = Browser.start()) {
            SignInPages pages = new SignInPages(browser);
            browser.open(url);
            pages.signInWith("google", "alice", "alice-pass");
            assertThat(pages.deviceConfirmationCode()).isEqualTo(code).matches(USER_CODE);
            assertThat(browser.pageText())
                    .contains("TiDB Cloud CLI is asking to sign in to your TiDB Cloud account with this code")
                    .contains("Continue only if this code matches the one shown on your device");
            browser.screenshot("consent-1-device-confirmation");
            pages.cancelDevice();
        }

        TicloudCli.Result denied = login.await(Duration.ofSeconds(60));
        assertThat(denied.exitCode()).as(denied.stderr()).isEqualTo(1);
        assertThat(denied.stderr())
                .contains("Sign-in was declined in the browser. Run `ticloud auth login` to try again.");
        assertThat(ticloud.configDir().resolve("credentials.json")).doesNotExist();
    }

    @Test
    void aPartialDeviceGrantIssuesExactlyTheTickedScopesAndTheApiRefusesTheOthers() throws Exception {
        TicloudCli ticloud = cliWithOwnClient();
        TicloudCli.Running login = ticloud.start("auth", "login", "--no-browser");
        String url = login.awaitStderrLine("Open this URL in your browser:", Duration.ofSeconds(60));

        try (Browser browser = Browser.start()) {
            SignInPages pages = new SignInPages(browser);
            browser.open(url);
            pages.signInWith("google", "alice", "alice-pass");
            pages.confirmDevice();

            // every API scope the CLI asked for, all ticked; offline_access, profile and email are no choices
            assertThat(pages.offeredScopes())
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            "project:read", true, "project:write", true, "cluster:read", true, "cluster:write", true));
            assertThat(browser.pageText())
                    .contains("View your projects")
                    .contains("Manage your clusters")
                    .contains("also receives your name and email address")
                    .doesNotContain("Offline Access");
            browser.screenshot("consent-2-scope-selection");

            // nothing ticked is refused on the page
            pages.chooseScopes(List.of());
            browser.awaitText("Choose at least one thing the application may do");
            assertThat(pages.offeredScopes()).containsOnlyKeys(API_SCOPES);

            pages.chooseScopes(List.of("project:read", "cluster:read"));
            String finalPage = pages.finalConfirmationText();
            assertThat(finalPage)
                    .contains("View your projects")
                    .contains("View your clusters")
                    .doesNotContain("Manage your projects")
                    .doesNotContain("Manage your clusters")
                    .contains("TiDB Cloud CLI also receives your name and email address")
                    .doesNotContain("User profile")
                    .doesNotContain("Email address");
            browser.screenshot("consent-3-final-confirmation");
            pages.acceptFinal();
            browser.awaitText("Device Login Successful");
            browser.screenshot("consent-4-device-login-successful");
        }
        TicloudCli.Result result = login.await(Duration.ofSeconds(60));
        assertThat(result.exitCode()).as(result.stderr()).isZero();

        JsonNode stored = RevocationStack.storedCredentials(ticloud);
        assertThat(apiScopes(
                        CodeFlowTestClient.claims(stored.get("access_token").asText())))
                .containsExactlyInAnyOrder("project:read", "cluster:read");

        TicloudCli.Result projects = ticloud.run("project", "list");
        assertThat(projects.exitCode()).as(projects.stderr()).isZero();
        TicloudCli.Result create = ticloud.run("serverless", "create", "-n", "not-allowed", "-r", "aws-us-east-1");
        assertThat(create.exitCode()).isEqualTo(4);
        assertThat(create.stderr())
                .contains("Your sign-in does not grant the scope cluster:write that this needs: "
                        + "run `ticloud auth login` and allow it.");

        // a refresh keeps exactly the chosen scopes
        HttpResponse<String> refresh = RevocationStack.refreshAtKeycloak(
                cliClientId, stored.get("refresh_token").asText());
        assertThat(refresh.statusCode()).as(refresh.body()).isEqualTo(200);
        JsonNode refreshed = JSON.readTree(refresh.body());
        assertThat(apiScopes(
                        CodeFlowTestClient.claims(refreshed.get("access_token").asText())))
                .containsExactlyInAnyOrder("project:read", "cluster:read");
    }

    @Test
    void aRememberedConsentSkipsTheScopeSelectionAndAskingForMoreOffersOnlyTheNewScopes() throws Exception {
        TicloudCli ticloud = cliWithOwnClient();
        try (Browser browser = Browser.start()) {
            SignInPages pages = new SignInPages(browser);

            // first sign-in: project:read offered and granted
            TicloudCli.Running first = ticloud.start("auth", "login", "--no-browser", "--scopes", "project:read");
            browser.open(first.awaitStderrLine("Open this URL in your browser:", Duration.ofSeconds(60)));
            pages.signInWith("microsoft", "bob", "bob-pass");
            pages.confirmDevice();
            assertThat(pages.offeredScopes()).containsExactlyEntriesOf(Map.of("project:read", true));
            pages.chooseScopes(List.of("project:read"));
            pages.acceptFinal();
            assertSignedIn(first);

            // the same scopes again, already signed in: the code at once, then no scope selection
            TicloudCli.Running again = ticloud.start("auth", "login", "--no-browser", "--scopes", "project:read");
            String url = again.awaitStderrLine("Open this URL in your browser:", Duration.ofSeconds(60));
            String code = again.awaitStderrLine("Then confirm that it shows the code:", Duration.ofSeconds(5));
            browser.open(url);
            assertThat(pages.deviceConfirmationCode()).isEqualTo(code);
            pages.confirmDevice();
            assertThat(pages.finalConfirmationText()).contains("View your projects");
            assertThat(browser.isPresent(By.name("grant_scope"))).isFalse();
            pages.acceptFinal();
            assertSignedIn(again);

            // more scopes, the code typed at the bare link (lower case, no dash): no device confirmation,
            // only the new scope offered, the earlier one listed as kept
            TicloudCli.Running more =
                    ticloud.start("auth", "login", "--no-browser", "--scopes", "project:read,cluster:read");
            String moreUrl = more.awaitStderrLine("Open this URL in your browser:", Duration.ofSeconds(60));
            String moreCode = more.awaitStderrLine("Then confirm that it shows the code:", Duration.ofSeconds(5));
            browser.open(moreUrl.substring(0, moreUrl.indexOf('?')));
            browser.type(By.name("device_user_code"), moreCode.replace("-", "").toLowerCase());
            browser.submit(By.cssSelector("form [type=submit]"));
            assertThat(pages.offeredScopes()).containsExactlyEntriesOf(Map.of("cluster:read", true));
            assertThat(browser.isPresent(By.id("device-user-code"))).isFalse();
            assertThat(browser.await(By.cssSelector("#tidbcloud-kept-scopes li[data-scope='project:read']"))
                            .getText())
                    .isEqualTo("View your projects");
            pages.chooseScopes(List.of("cluster:read"));
            pages.acceptFinal();
            assertSignedIn(more);
        }
        assertThat(apiScopes(CodeFlowTestClient.claims(RevocationStack.storedCredentials(ticloud)
                        .get("access_token")
                        .asText())))
                .containsExactlyInAnyOrder("project:read", "cluster:read");
    }

    @Test
    void wrongCodesHitTheLimitAndTheRightCodeWorksAfterTheWait() throws Exception {
        TicloudCli ticloud = cliWithOwnClient();
        TicloudCli.Running login = ticloud.start("auth", "login", "--no-browser", "--scopes", "project:read");
        String url = login.awaitStderrLine("Open this URL in your browser:", Duration.ofSeconds(60));
        String code = login.awaitStderrLine("Then confirm that it shows the code:", Duration.ofSeconds(5));

        try (Browser browser = Browser.start()) {
            SignInPages pages = new SignInPages(browser);
            browser.open(url.substring(0, url.indexOf('?')));
            awaitRoomInTheLimitsWindow();
            for (int attempt = 1; attempt <= 5; attempt++) {
                enterCode(browser, wrongCodeOtherThan(code));
                browser.awaitText("That code is not valid");
            }
            enterCode(browser, wrongCodeOtherThan(code));
            browser.awaitText("Too many attempts with codes that do not exist.");
            browser.screenshot("consent-5-too-many-attempts");
            // while it lasts, even the right code is refused
            enterCode(browser, code);
            browser.awaitText("Too many attempts with codes that do not exist.");
            // and from another browser at the same address (no cookie of this one): the address is held too
            HttpResponse<String> otherBrowser = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(otherBrowser.statusCode()).isEqualTo(429);
            assertThat(otherBrowser.body()).contains("Too many attempts with codes that do not exist.");
            Matcher wait = WAIT_SECONDS.matcher(browser.pageText());
            assertThat(wait.find()).as(browser.pageText()).isTrue();
            int seconds = Integer.parseInt(wait.group(1));
            assertThat(seconds).isBetween(1, 60);

            Thread.sleep(Duration.ofSeconds(seconds + 1).toMillis());
            enterCode(browser, code);
            pages.signInWith("google", "alice", "alice-pass");
            pages.acceptConsent();
            browser.awaitText("Device Login Successful");
        }
        assertSignedIn(login);
    }

    @Test
    void aPartialGrantInTheCodeFlowIssuesOnlyTheTickedScopeAndCancelRedirectsWithAccessDenied() throws Exception {
        try (CodeFlowTestClient app = CodeFlowTestClient.thirdParty(admin);
                Browser browser = Browser.start()) {
            SignInPages pages = new SignInPages(browser);
            browser.open(app.authorizationUrl("google", "openid project:read cluster:read"));
            pages.signInUpstream("alice", "alice-pass");
            assertThat(pages.offeredScopes())
                    .containsExactlyInAnyOrderEntriesOf(Map.of("project:read", true, "cluster:read", true));
            pages.chooseScopes(List.of("project:read"));
            assertThat(pages.finalConfirmationText())
                    .contains("View your projects")
                    .doesNotContain("View your clusters");
            pages.acceptFinal();

            String accessToken = app.awaitTokens().get("access_token").asText();
            assertThat(apiScopes(CodeFlowTestClient.claims(accessToken))).containsExactly("project:read");
            assertThat(api("/v1beta1/projects", accessToken).statusCode()).isEqualTo(200);
            HttpResponse<String> clusters = api("/v1beta1/clusters", accessToken);
            assertThat(clusters.statusCode()).isEqualTo(403);
            assertThat(clusters.headers().firstValue("WWW-Authenticate").orElse(""))
                    .contains("error=\"insufficient_scope\"")
                    .contains("scope=\"cluster:read\"");

            // asked again: only the scope not granted yet is offered; cancel sends the person back, denied
            browser.open(app.authorizationUrl("google", "openid project:read cluster:read"));
            assertThat(pages.offeredScopes()).containsExactlyEntriesOf(Map.of("cluster:read", true));
            pages.cancelScopes();
            assertThat(app.awaitRedirect()).containsEntry("error", "access_denied");
        }
    }

    /** A CLI that signs in to a copy of ticloud-cli of this test's own. */
    private TicloudCli cliWithOwnClient() {
        cliClientId = cliClients.create("ticloud-cli-consent", Map.of());
        return new TicloudCli(tempDir.resolve("ticloud"), cloudApi.baseUrl())
                .withEnvironment("TICLOUD_OAUTH_CLIENT_ID", cliClientId);
    }

    private static void assertSignedIn(TicloudCli.Running login) throws Exception {
        TicloudCli.Result result = login.await(Duration.ofSeconds(60));
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stderr()).contains("Signed in as");
    }

    /**
     * Keycloak counts wrong codes in fixed windows of a minute from the epoch, per browser and per
     * address: start the seven entries below at the start of a new window, so that they all fall
     * into it and no wrong code another test class of the build entered from this address (the
     * device-flow metrics and abuse tests) counts with them.
     */
    private static void awaitRoomInTheLimitsWindow() throws InterruptedException {
        long intoWindow = Instant.now().getEpochSecond() % LIMIT_WINDOW_SECONDS;
        Thread.sleep(Duration.ofSeconds(LIMIT_WINDOW_SECONDS - intoWindow + 1).toMillis());
    }

    private static void enterCode(Browser browser, String code) {
        browser.type(By.name("device_user_code"), code);
        browser.submit(By.cssSelector("form [type=submit]"));
    }

    private static String wrongCodeOtherThan(String code) {
        String alphabet = "BCDFGHJKLMNPQRSTVWXZ";
        SecureRandom random = new SecureRandom();
        String wrong;
        do {
            StringBuilder candidate = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                candidate.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            wrong = candidate.substring(0, 4) + "-" + candidate.substring(4);
        } while (wrong.equals(code));
        return wrong;
    }

    private static List<String> apiScopes(JsonNode claims) {
        return Arrays.stream(claims.path("scope").asText().split(" "))
                .filter(API_SCOPES::contains)
                .toList();
    }

    private static HttpResponse<String> api(String path, String accessToken) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(cloudApi.baseUrl() + path))
                                .header("Authorization", "Bearer " + accessToken)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
