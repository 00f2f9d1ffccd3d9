package io.tidbcloud.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidbcloud.testsupport.Browser;
import io.tidbcloud.testsupport.IssuedSecrets;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The web portal's pages in a real browser against the whole stack (Keycloak, auth-service, the
 * cloud API, the portal): device activation with a real `ticloud auth login --no-browser`, the
 * applications a person authorized and revoking one, sessions, developer apps, projects and
 * clusters. Revocations are checked where they matter: at the API, within a second.
 */
class PortalPagesEndToEndTest {

    @RegisterExtension
    static final PortalStack stack = new PortalStack();

    @TempDir
    Path tempDir;

    @Test
    void aDeviceCodeEnteredInThePortalSignsTheCliInAndRevokingTheCliInApplicationsStopsItsTokens() throws Exception {
        TicloudCli ticloud = new TicloudCli(tempDir.resolve("ticloud"), stack.apiUrl());
        try (Browser browser = Browser.start()) {
            PortalPages portal = new PortalPages(browser, stack.portalUrl());
            SignInPages keycloak = new SignInPages(browser);
            portal.signIn("google", "carol", "carol-pass");
            portal.screenshot("home", 1280);
            portal.screenshot("home-phone", 390);

            TicloudCli.Running login = ticloud.start("auth", "login", "--no-browser");
            login.awaitStderrLine("Open this URL in your browser:", Duration.ofSeconds(60));
            String code = login.awaitStderrLine("Then confirm that it shows the code:", Duration.ofSeconds(5));

            portal.open("/device");
            browser.type(By.name("user_code"), code.replace("-", "").toLowerCase(Locale.ROOT));
            portal.screenshot("device", 1280);
            browser.submit(By.id("device-continue"));
            // Keycloak's device verification with the code filled in: its confirmation shows the code
            assertThat(keycloak.deviceConfirmationCode()).isEqualTo(code);
            keycloak.confirmDevice();
            keycloak.acceptConsent();
            browser.awaitText("Device Login Successful");
            TicloudCli.Result result = login.await(Duration.ofSeconds(60));
            assertThat(result.exitCode()).as(result.stderr()).isZero();
            String accessToken = RevocationStack.accessToken(ticloud);
            String refreshToken = RevocationStack.refreshToken(ticloud);
            RevocationStack.assertAccepted(stack.apiUrl(), accessToken);

            portal.open("/applications");
            List<WebElement> cli = portal.listed("data-client-id", "ticloud-cli");
            assertThat(cli).hasSize(1);
            assertThat(cli.get(0).getText())
                    .contains("TiDB Cloud CLI")
                    .contains("View your projects")
                    .containsIgnoringCase("First granted")
                    .containsIgnoringCase("Last used")
                    // approved in the portal's own browser, but the CLI is a device: listed as one
                    .contains("Device")
                    .doesNotContain("Browser from")
                    .contains("from 127.0.0.1");
            portal.screenshot("applications", 1280);
            portal.screenshot("applications-phone", 390);

            portal.clickThenConfirm("data-client-id", "ticloud-cli", "revoke");
            assertThat(browser.pageText()).contains("Revoke access for TiDB Cloud CLI?");
            long since = System.nanoTime();
            portal.confirm();

            RevocationStack.assertRefusedWithin(stack.apiUrl(), accessToken, since, RevocationStack.WITHIN);
            HttpResponse<String> refresh = RevocationStack.refreshAtKeycloak("ticloud-cli", refreshToken);
            assertThat(refresh.statusCode()).as(refresh.body()).isEqualTo(400);
            assertThat(refresh.body()).contains("invalid_grant");
            browser.awaitText("Access revoked for TiDB Cloud CLI.");
            assertThat(portal.listed("data-client-id", "ticloud-cli")).isEmpty();
        }
    }

    @Test
    void sessionsListsTheBrowserAndTheDeviceAndEndingOneOrAllOthersStopsTheirTokens() throws Exception {
        TicloudCli first = new TicloudCli(tempDir.resolve("first"), stack.apiUrl());
        TicloudCli second = new TicloudCli(tempDir.resolve("second"), stack.apiUrl());
        try (Browser browser = Browser.start()) {
            PortalPages portal = new PortalPages(browser, stack.portalUrl());
            portal.signIn("microsoft", "bob", "bob-pass");
            DeviceLogin.signIn(first, "microsoft", "bob", "bob-pass");
            String firstToken = RevocationStack.accessToken(first);
            String firstSession = RevocationStack.claims(firstToken).get("sid").asText();

            portal.open("/sessions");
            List<WebElement> sessions = browser.driver().findElements(By.cssSelector("[data-session-id]"));
            assertThat(sessions.size()).isGreaterThanOrEqualTo(2);
            assertThat(browser.driver().findElements(By.cssSelector("[data-session-id].item-current")))
                    .hasSize(1);
            WebElement device = portal.listed("data-session-id", firstSession).get(0);
            assertThat(device.getText())
                    .contains("Device")
                    .contains("TiDB Cloud CLI")
                    .contains("Address");
            portal.screenshot("sessions", 1280);

            long since = System.nanoTime();
            browser.submit(By.cssSelector("[data-session-id='" + firstSession + "'] button[name=end]"));
            RevocationStack.assertRefusedWithin(stack.apiUrl(), firstToken, since, RevocationStack.WITHIN);
            browser.awaitText("1 session ended.");
            assertThat(portal.listed("data-session-id", firstSession)).isEmpty();

            DeviceLogin.signIn(second, "microsoft", "bob", "bob-pass");
            String secondToken = RevocationStack.accessToken(second);
            portal.open("/sessions");
            since = System.nanoTime();
            browser.submit(By.name("end-others"));
            RevocationStack.assertRefusedWithin(stack.apiUrl(), secondToken, since, RevocationStack.WITHIN);
            browser.awaitText("sessions ended.");
            List<WebElement> left = browser.driver().findElements(By.cssSelector("[data-session-id]"));
            assertThat(left).hasSize(1);
            assertThat(left.get(0).getText()).contains("This browser");
        }
    }

    @Test
    void aDeveloperRegistersAWebAndADeviceAppRotatesTheSecretAndDeletesBoth() throws Exception {
        try (Browser browser = Browser.start()) {
            PortalPages portal = new PortalPages(browser, stack.portalUrl());
            portal.signIn("google", "alice", "alice-pass");

            portal.open("/developer/apps");
            browser.type(By.name("name"), "Metrics dashboard");
            browser.click(By.cssSelector("input[name=kind][value=web]"));
            browser.type(
                    By.name("redirect_uris"), "https://dashboard.example/callback\nhttp://localhost:3000/callback");
            browser.type(By.name("homepage"), "https://dashboard.example");
            browser.submit(By.name("create"));
            String webClientId = browser.await(By.id("client-id")).getText();
            String firstSecret =
                    browser.driver().findElement(By.id("client-secret")).getText();
            IssuedSecrets.record(IssuedSecrets.Kind.CLIENT_SECRET, firstSecret);
            assertThat(webClientId).startsWith("app-");
            assertThat(firstSecret).isNotBlank();
            assertThat(browser.currentUrl()).doesNotContain(firstSecret);
            assertThat(portal.listed("data-client-id", webClientId)).hasSize(1);
            portal.screenshot("developer-apps", 1280);
            portal.screenshot("developer-apps-phone", 390);

            browser.submit(By.cssSelector("[data-client-id='" + webClientId + "'] button[name=rotate]"));
            assertThat(browser.await(By.id("client-id")).getText()).isEqualTo(webClientId);
            String secondSecret =
                    browser.driver().findElement(By.id("client-secret")).getText();
            IssuedSecrets.record(IssuedSecrets.Kind.CLIENT_SECRET, secondSecret);
            assertThat(secondSecret).isNotBlank().isNotEqualTo(firstSecret);

            portal.open("/developer/apps");
            assertThat(browser.isPresent(By.id("client-secret")))
                    .as("a secret is shown once")
                    .isFalse();
            portal.settle();
            browser.type(By.name("name"), "Backup CLI");
            browser.click(By.cssSelector("input[name=kind][value=device]"));
            browser.driver().findElement(By.name("redirect_uris")).clear();
            browser.submit(By.name("create"));
            String deviceClientId = browser.await(By.id("client-id")).getText();
            assertThat(browser.isPresent(By.id("client-secret")))
                    .as("a device app has no secret")
                    .isFalse();
            assertThat(browser.isPresent(
                            By.cssSelector("[data-client-id='" + deviceClientId + "'] button[name=rotate]")))
                    .isFalse();

            for (String clientId : List.of(webClientId, deviceClientId)) {
                portal.clickThenConfirm("data-client-id", clientId, "delete");
                portal.confirm();
                browser.awaitText("Deleted ");
                assertThat(portal.listed("data-client-id", clientId)).isEmpty();
            }
        }
    }

    @Test
    void aPersonCreatesAProjectAndAClusterInItThenDeletesTheCluster() throws Exception {
        String project = "portal-e2e-" + System.nanoTime();
        String cluster = "portal-cluster-" + System.nanoTime();
        try (Browser browser = Browser.start()) {
            PortalPages portal = new PortalPages(browser, stack.portalUrl());
            portal.signIn("google", "alice", "alice-pass");
            assertThat(browser.await(By.id("organization")).getText()).isNotBlank();

            portal.open("/projects");
            browser.type(By.name("name"), project);
            browser.submit(By.name("create"));
            browser.awaitText("Created project " + project + ".");
            assertThat(browser.pageText()).contains(project);

            portal.open("/clusters");
            browser.type(By.name("displayName"), cluster);
            new Select(browser.await(By.name("region"))).selectByIndex(0);
            new Select(browser.await(By.name("project"))).selectByVisibleText(project);
            browser.submit(By.name("create"));
            browser.awaitText("Creating cluster " + cluster + ".");
            WebElement created = browser.driver().findElements(By.cssSelector("[data-cluster-id]")).stream()
                    .filter(e -> e.getText().contains(cluster))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("cluster not listed: " + browser.pageText()));
            String clusterId = created.getAttribute("data-cluster-id");
            portal.screenshot("clusters", 1280);

            portal.clickThenConfirm("data-cluster-id", clusterId, "delete");
            assertThat(browser.pageText()).contains("Delete " + cluster + "?");
            portal.confirm();
            browser.awaitText("Deleting cluster " + cluster + ".");
            List<WebElement> left = portal.listed("data-cluster-id", clusterId);
            assertThat(left.isEmpty() || left.get(0).getText().contains("DELET"))
                    .as(browser.pageText())
                    .isTrue();
        }
    }
}
