package io.tidbcloud.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.tidbcloud.testsupport.Browser;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The story of a third-party web application, played from outside our code: a developer
 * registers it in the portal's developer apps; a person goes through its authorization-code flow
 * with PKCE in a real browser and grants only some of the scopes on our scope-selection page; the
 * app exchanges the code and calls the API with plain java.net.http; the person revokes it in the
 * portal's applications page, and within a second the API refuses its access token and Keycloak
 * its refresh token.
 */
class ThirdPartyWebAppEndToEndTest {

    @RegisterExtension
    static final PortalStack stack = new PortalStack();

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void aRegisteredAppGetsOnlyTheGrantedScopesAndRevokingItInThePortalStopsItsTokens() throws Exception {
        HttpServer app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        CompletableFuture<Map<String, String>> callback = new CompletableFuture<>();
        app.createContext("/callback", exchange -> {
            callback.complete(query(exchange.getRequestURI().getRawQuery()));
            byte[] page =
                    "<html><body><h1>Metrics dashboard: signed in</h1></body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(page);
            }
        });
        app.start();
        String redirectUri = "http://127.0.0.1:" + app.getAddress().getPort() + "/callback";

        try (Browser browser = Browser.start()) {
            PortalPages portal = new PortalPages(browser, stack.portalUrl());
            SignInPages keycloak = new SignInPages(browser);
            portal.signIn("google", "alice", "alice-pass");

            // the developer registers the app, asking for three of the four API scopes
            portal.open("/developer/apps");
            browser.type(By.name("name"), "Third-party dashboard");
            browser.click(By.cssSelector("input[name=kind][value=web]"));
            browser.type(By.name("redirect_uris"), redirectUri);
            for (String scope : List.of("project:read", "project:write", "cluster:read", "cluster:write")) {
                boolean wanted = !scope.equals("cluster:write");
                var box = browser.await(By.cssSelector("input[name=scope][value='" + scope + "']"));
                if (box.isSelected() != wanted) {
                    box.click();
                }
            }
            browser.submit(By.name("create"));
            String clientId = browser.await(By.id("client-id")).getText();
            String clientSecret =
                    browser.driver().findElement(By.id("client-secret")).getText();

            // the app sends the person to Keycloak: authorization code with PKCE S256
            String verifier = random(32);
            String state = random(8);
            browser.open(TestStack.oidcUrl()
                    + "/protocol/openid-connect/auth?response_type=code&client_id=" + encode(clientId)
                    + "&redirect_uri=" + encode(redirectUri)
                    + "&scope=" + encode("openid project:read project:write cluster:read")
                    + "&state=" + state + "&code_challenge=" + challenge(verifier)
                    + "&code_challenge_method=S256");
            // already signed in at Keycloak through the portal: straight to the scope selection
            assertThat(keycloak.offeredScopes().keySet())
                    .containsExactlyInAnyOrder("project:read", "project:write", "cluster:read");
            keycloak.chooseScopes(List.of("project:read", "cluster:read"));
            assertThat(keycloak.finalConfirmationText())
                    .contains("View your projects")
                    .doesNotContain("Manage your projects");
            keycloak.acceptFinal();

            Map<String, String> redirect = callback.get(60, TimeUnit.SECONDS);
            assertThat(redirect).containsEntry("state", state).containsKey("code");
            JsonNode tokens = token(
                    clientId,
                    clientSecret,
                    "grant_type=authorization_code&code=" + encode(redirect.get("code")) + "&redirect_uri="
                            + encode(redirectUri) + "&code_verifier=" + verifier);
            String accessToken = tokens.get("access_token").asText();
            String refreshToken = tokens.get("refresh_token").asText();
            List<String> scopes = List.of(
                    RevocationStack.claims(accessToken).get("scope").asText().split(" "));
            assertThat(scopes)
                    .contains("project:read", "cluster:read")
                    .doesNotContain("project:write", "cluster:write");

            RevocationStack.assertAccepted(stack.apiUrl(), accessToken);
            HttpResponse<String> notGranted = HTTP.send(
                    HttpRequest.newBuilder(URI.create(stack.apiUrl() + "/v1beta1/projects"))
                            .header("Authorization", "Bearer " + accessToken)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"not-granted\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(notGranted.statusCode()).isEqualTo(403);
            assertThat(notGranted.headers().firstValue("WWW-Authenticate").orElseThrow())
                    .contains("error=\"insufficient_scope\"");

            // the person sees the app with what they granted, and revokes it
            portal.open("/applications");
            assertThat(portal.listed("data-client-id", clientId)).hasSize(1);
            assertThat(portal.listed("data-client-id", clientId).get(0).getText())
                    .contains("Third-party dashboard")
                    .contains("View your projects")
                    .contains("View your clusters")
                    .doesNotContain("Manage your projects");
            portal.clickThenConfirm("data-client-id", clientId, "revoke");
            long since = System.nanoTime();
            portal.confirm();

            RevocationStack.assertRefusedWithin(stack.apiUrl(), accessToken, since, RevocationStack.WITHIN);
            HttpResponse<String> refresh = tokenResponse(
                    clientId, clientSecret, "grant_type=refresh_token&refresh_token=" + encode(refreshToken));
            assertThat(refresh.statusCode()).as(refresh.body()).isEqualTo(400);
            assertThat(refresh.body()).contains("invalid_grant");
            assertThat(portal.listed("data-client-id", clientId)).isEmpty();

            // the developer cleans up
            portal.open("/developer/apps");
            portal.clickThenConfirm("data-client-id", clientId, "delete");
            portal.confirm();
        } finally {
            app.stop(0);
        }
    }

    private static JsonNode token(String clientId, String secret, String form) throws Exception {
        HttpResponse<String> response = tokenResponse(clientId, secret, form);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RevocationStack.JSON.readTree(response.body());
    }

    private static HttpResponse<String> tokenResponse(String clientId, String secret, String form) throws Exception {
        String basic = Base64.getEncoder()
                .encodeToString((encode(clientId) + ":" + encode(secret)).getBytes(StandardCharsets.UTF_8));
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(TestStack.oidcUrl() + "/protocol/openid-connect/token"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    // Its own PKCE and query parsing, not test-support's Pkce: it plays an app written outside our code.
    private static String challenge(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static String random(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(
                            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }
}
