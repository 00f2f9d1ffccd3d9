package io.tidbcloud.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidbcloud.testsupport.Browser;
import io.tidbcloud.testsupport.IssuedSecrets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Sign-in through each provider in both grants: the device flow (the link ticloud prints, or the
 * device authorization request itself) and the code flow of the packaged web portal. Brokered
 * users this class creates are deleted again; users that existed before are left alone.
 */
class FederatedSignInTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PORTAL_PORT = 18082;

    private static ServiceProcess portal;

    private final RealmAdmin admin = new RealmAdmin();
    private final List<String> createdEmails = new ArrayList<>();

    @TempDir
    Path configDir;

    @BeforeAll
    static void startPortal() throws Exception {
        portal = ServiceProcess.start("web-portal", PORTAL_PORT, Map.of());
    }

    @AfterAll
    static void stopPortal() throws Exception {
        if (portal != null) {
            portal.close();
        }
    }

    @AfterEach
    void deleteUsersThisTestCreated() {
        createdEmails.forEach(admin::deleteUserByEmail);
    }

    /** Notes the email for deletion after the test when no user has it yet. */
    private void willCreate(String email) {
        if (admin.userByEmail(email).isEmpty()) {
            createdEmails.add(email);
        }
    }

    /** RFC 8628 6.1: every user code is 8 base-20 consonants (keycloak-extensions), never Keycloak's A-Z. */
    @Test
    void everyDeviceAuthorizationGetsABase20UserCodeShownAsTwoGroupsOfFour() throws Exception {
        for (int i = 0; i < 8; i++) {
            JsonNode device = deviceAuthorization("ticloud-cli", "openid project:read");
            String code = device.path("user_code").asText();
            assertThat(code).matches("[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}");
            assertThat(device.path("verification_uri_complete").asText()).endsWith("user_code=" + code);
        }
    }

    @Test
    void aliceApprovesDeviceThroughGoogleChosenOnTheProviderPage() throws Exception {
        willCreate("alice@example.com");
        JsonNode device = deviceAuthorization("ticloud-cli", "openid project:read");
        try (Browser browser = Browser.start()) {
            SignInPages pages = new SignInPages(browser);
            try {
                browser.open(device.path("verification_uri_complete").asText());
                assertThat(browser.isPresent(By.id("social-microsoft"))).isTrue();
                assertThat(browser.isPresent(By.cssSelector("input[type=password]")))
                        .isFalse();
                pages.signInWith("google", "alice", "alice-pass");
                pages.confirmDevice();
                pages.acceptConsent();
                browser.awaitText("Device Login Successful");
                assertThat(browser.pageText())
                        .contains("Your device is now signed in to TiDB Cloud. You can close this window");
            } finally {
                browser.screenshot("device-google-alice");
            }
        }
        JsonNode tokens =
                pollDeviceToken("ticloud-cli", device.path("device_code").asText());
        // a device code works once (RFC 8628 section 5.2): the next poll with it is refused
        JsonNode again = postForm(
                "/protocol/openid-connect/token",
                "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&client_id=ticloud-cli&device_code="
                        + device.path("device_code").asText(),
                400);
        assertThat(again.path("error").asText()).isEqualTo("invalid_grant");
        JsonNode access = CodeFlowTestClient.claims(tokens.path("access_token").asText());
        assertThat(access.path("email").asText()).isEqualTo("alice@example.com");
        assertThat(access.path("scope").asText()).contains("project:read");
        JsonNode user = admin.userByEmail("alice@example.com").orElseThrow();
        assertThat(access.path("sub").asText()).isEqualTo(user.path("id").asText());
        assertThat(admin.linkedProviders(user.path("id").asText())).containsExactly("google");
    }

    @Test
    void bobLogsInWithTicloudThroughMicrosoft() throws Exception {
        willCreate("bob@contoso.example");
        TicloudCli ticloud = new TicloudCli(configDir.resolve("ticloud"), "http://localhost:9");
        TicloudCli.Running login = ticloud.start("auth", "login", "--no-browser", "--idp", "microsoft");
        String url = login.awaitStderrLine("Open this URL in your browser:", Duration.ofSeconds(60));
        assertThat(url).contains("kc_idp_hint=microsoft");

        try (Browser browser = Browser.start()) {
            SignInPages pages = new SignInPages(browser);
            try {
                browser.open(url);
                assertThat(pages.upstreamRealm())
                        .as("--idp skips the provider page")
                        .isEqualTo("microsoft-dev");
                pages.signInUpstream("bob", "bob-pass");
                pages.confirmDevice();
                pages.acceptConsent();
                browser.awaitText("Device Login Successful");
            } finally {
                browser.screenshot("device-microsoft-bob");
            }
        }
        TicloudCli.Result result = login.await(Duration.ofSeconds(60));
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stderr()).contains("Signed in as bob@contoso.example");
        JsonNode user = admin.userByEmail("bob@contoso.example").orElseThrow();
        assertThat(admin.linkedProviders(user.path("id").asText())).containsExactly("microsoft");
    }

    @Test
    void deviceLinkWithIdpHintSkipsTheProviderPage() throws Exception {
        JsonNode device = deviceAuthorization("ticloud-cli", "openid");
        try (Browser browser = Browser.start()) {
            browser.open(device.path("verification_uri_complete").asText() + "&kc_idp_hint=microsoft");
            assertThat(new SignInPages(browser).upstreamRealm()).isEqualTo("microsoft-dev");
        }
    }

    @Test
    void alicePortalButtonGoesStraightToGoogleAndSignsIn() throws Exception {
        willCreate("alice@example.com");
        try (Browser browser = Browser.start()) {
            SignInPages pages = new SignInPages(browser);
            try {
                browser.open(portal.baseUrl() + "/");
                browser.click(By.id("signin-google"));
                assertThat(pages.upstreamRealm()).as("the chooser is skipped").isEqualTo("google-dev");
                pages.signInUpstream("alice", "alice-pass");
                browser.awaitText("Signed in as alice@example.com");
                assertThat(browser.currentUrl()).startsWith(portal.baseUrl());
            } finally {
                browser.screenshot("portal-google-alice");
            }
        }
    }

    @Test
    void bobSignsInToPortalThroughMicrosoftChosenOnTheProviderPage() throws Exception {
        willCreate("bob@contoso.example");
        try (Browser browser = Browser.start()) {
            SignInPages pages = new SignInPages(browser);
            try {
                browser.open(portal.baseUrl() + "/signin");
                assertThat(browser.currentUrl()).startsWith(TestStack.oidcUrl());
                assertThat(browser.pageText()).contains("Continue with Google").contains("Continue with Microsoft");
                pages.signInWith("microsoft", "bob", "bob-pass");
                browser.awaitText("Signed in as bob@contoso.example");
            } finally {
                browser.screenshot("portal-microsoft-bob");
            }
        }
    }

    @Test
    void firstSignInWithoutNameFromProviderCreatesUserWithoutAnyForm() throws Exception {
        admin.deleteUserByEmail("dave@contoso.example");
        createdEmails.add("dave@contoso.example");
        try (Browser browser = Browser.start()) {
            SignInPages pages = new SignInPages(browser);
            try {
                browser.open(portal.baseUrl() + "/signin?kc_idp_hint=microsoft");
                pages.signInUpstream("dave", "dave-pass");
                browser.awaitText("Signed in as dave@contoso.example");
            } finally {
                browser.screenshot("portal-microsoft-dave");
            }
        }
        JsonNode dave = admin.userByEmail("dave@contoso.example").orElseThrow();
        assertThat(dave.path("username").asText()).isEqualTo("dave@contoso.example");
        assertThat(dave.has("firstName")).isFalse();
        assertThat(dave.has("lastName")).isFalse();
        assertThat(dave.path("requiredActions")).isEmpty();
    }

    @Test
    void wrongDeviceCodeShowsClearMessageAndTheFormAgain() throws Exception {
        try (Browser browser = Browser.start()) {
            try {
                browser.open(TestStack.oidcUrl() + "/device");
                assertThat(browser.pageText()).contains("Connect a device to TiDB Cloud");
                browser.type(By.name("device_user_code"), "BCDF-GHJK");
                browser.await(By.name("device_user_code")).submit();
                browser.awaitText("That code is not valid");
                assertThat(browser.isPresent(By.name("device_user_code"))).isTrue();
            } finally {
                browser.screenshot("device-wrong-code");
            }
        }
    }

    private static JsonNode deviceAuthorization(String clientId, String scope) throws Exception {
        return postForm(
                "/protocol/openid-connect/auth/device",
                "client_id=" + clientId + "&scope=" + scope.replace(" ", "+"),
                200);
    }

    private static JsonNode pollDeviceToken(String clientId, String deviceCode) throws Exception {
        return postForm(
                "/protocol/openid-connect/token",
                "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&client_id=" + clientId
                        + "&device_code=" + deviceCode,
                200);
    }

    private static JsonNode postForm(String path, String form, int expected) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(TestStack.oidcUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        JsonNode answer = JSON.readTree(response.body());
        IssuedSecrets.recordTokenResponse(answer);
        return answer;
    }
}
