package io.tidbcloud.e2e;

import static io.tidbcloud.e2e.RevocationStack.HTTP;
import static io.tidbcloud.e2e.RevocationStack.JSON;
import static io.tidbcloud.e2e.RevocationStack.accessToken;
import static io.tidbcloud.e2e.RevocationStack.assertAccepted;
import static io.tidbcloud.e2e.RevocationStack.assertRefusedWithin;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidbcloud.testsupport.Browser;
import io.tidbcloud.testsupport.IssuedSecrets;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * A person revokes ticloud's access through Keycloak's account API (what the account console's
 * "Remove access" calls): the token ticloud holds fails at the API within a second.
 */
class ConsentRevocationEndToEndTest {

    /** Nothing listens here: the browser stops on the redirect, and the test reads the code from its URL. */
    private static final String REDIRECT_URI = "http://127.0.0.1:9/callback";

    @RegisterExtension
    static final RevocationStack stack = RevocationStack.withApiInstances(1);

    private static String accountClientUuid;
    private static String accountClientId;

    @TempDir
    Path tempDir;

    @BeforeAll
    static void createAccountClient() throws Exception {
        // A stand-in for the account console: a public code-flow client whose tokens may call the account API.
        accountClientId = "test-account-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = HTTP.send(
                HttpRequest.newBuilder(URI.create(adminRealm() + "/clients"))
                        .header("Authorization", "Bearer " + stack.admin().adminToken())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(
                                "clientId",
                                accountClientId,
                                "publicClient",
                                true,
                                "standardFlowEnabled",
                                true,
                                "directAccessGrantsEnabled",
                                false,
                                "fullScopeAllowed",
                                true,
                                "consentRequired",
                                false,
                                "redirectUris",
                                new String[] {REDIRECT_URI}))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        accountClientUuid = location.substring(location.lastIndexOf('/') + 1);
    }

    @AfterAll
    static void deleteAccountClient() throws Exception {
        if (accountClientUuid != null) {
            HTTP.send(
                    HttpRequest.newBuilder(URI.create(adminRealm() + "/clients/" + accountClientUuid))
                            .header("Authorization", "Bearer " + stack.admin().adminToken())
                            .DELETE()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }

    @Test
    void revokingTicloudsConsentThroughTheAccountApiMakesItsTokenRefusedWithinOneSecond() throws Exception {
        TicloudCli ticloud = new TicloudCli(tempDir.resolve("ticloud"), stack.apiUrl());
        String ticloudToken;
        String accountToken;
        try (Browser browser = DeviceLogin.signInKeepingBrowser(ticloud, "google", "alice", "alice-pass")) {
            ticloudToken = accessToken(ticloud);
            assertAccepted(stack.apiUrl(), ticloudToken);
            accountToken = accountApiToken(browser);
        }

        HttpResponse<String> revoked = HTTP.send(
                HttpRequest.newBuilder(URI.create(TestStack.oidcUrl() + "/account/applications/ticloud-cli/consent"))
                        .header("Authorization", "Bearer " + accountToken)
                        .header("Accept", "application/json") // else Keycloak routes to the account console page
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        long revokedAt = System.nanoTime();
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(204);

        assertRefusedWithin(stack.apiUrl(), ticloudToken, revokedAt, RevocationStack.WITHIN);
    }

    /** The signed-in browser runs the code flow of the account client; the code is exchanged here. */
    private static String accountApiToken(Browser browser) throws Exception {
        browser.open(TestStack.oidcUrl() + "/protocol/openid-connect/auth?response_type=code&scope=openid&state=s1"
                + "&client_id=" + accountClientId + "&redirect_uri="
                + URLEncoder.encode(REDIRECT_URI, StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!browser.currentUrl().startsWith(REDIRECT_URI)) {
            if (System.nanoTime() > deadline) {
                browser.screenshot("consent-account-client");
                throw new AssertionError("the account client's sign-in stopped at " + browser.currentUrl());
            }
            if (browser.isPresent(By.id("social-google"))) {
                browser.click(By.id("social-google"));
            } else if (browser.isPresent(By.id("username"))) {
                new SignInPages(browser).signInUpstream("alice", "alice-pass");
            }
            Thread.sleep(200);
        }
        String query = URI.create(browser.currentUrl()).getRawQuery();
        String code = null;
        for (String pair : query.split("&")) {
            if (pair.startsWith("code=")) {
                code = java.net.URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
            }
        }
        assertThat(code).as(browser.currentUrl()).isNotNull();
        HttpResponse<String> token = HTTP.send(
                HttpRequest.newBuilder(URI.create(TestStack.oidcUrl() + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "grant_type=authorization_code&client_id=" + accountClientId
                                        + "&code=" + URLEncoder.encode(code, StandardCharsets.UTF_8)
                                        + "&redirect_uri=" + URLEncoder.encode(REDIRECT_URI, StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        IssuedSecrets.record(IssuedSecrets.Kind.AUTHORIZATION_CODE, code);
        JsonNode tokens = JSON.readTree(token.body());
        IssuedSecrets.recordTokenResponse(tokens);
        return tokens.get("access_token").asText();
    }

    private static String adminRealm() {
        return TestStack.keycloakUrl() + "/admin/realms/tidbcloud";
    }
}
