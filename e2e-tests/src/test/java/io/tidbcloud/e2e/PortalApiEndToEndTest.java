package io.tidbcloud.e2e;

import static io.tidbcloud.e2e.RevocationStack.HTTP;
import static io.tidbcloud.e2e.RevocationStack.JSON;
import static io.tidbcloud.e2e.RevocationStack.accessToken;
import static io.tidbcloud.e2e.RevocationStack.assertAccepted;
import static io.tidbcloud.e2e.RevocationStack.assertRefusedWithin;
import static io.tidbcloud.e2e.RevocationStack.claims;
import static io.tidbcloud.e2e.RevocationStack.refreshAtKeycloak;
import static io.tidbcloud.e2e.RevocationStack.refreshToken;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.tidbcloud.testsupport.Browser;
import io.tidbcloud.testsupport.IssuedSecrets;
import io.tidbcloud.testsupport.Pkce;
import io.tidbcloud.testsupport.PortalSignIn;
import io.tidbcloud.testsupport.RedirectQuery;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portal's API on the whole stack: what a person revokes, ends or deletes there stops working at
 * the cloud API within a second, and nobody reaches another person's things.
 */
class PortalApiEndToEndTest {

    @RegisterExtension
    static final RevocationStack stack = RevocationStack.withApiInstances(1);

    @TempDir
    Path tempDir;

    @Test
    void revokingTicloudsAuthorizationMakesItsTokensFail() throws Exception {
        TicloudCli ticloud = new TicloudCli(tempDir.resolve("ticloud"), stack.apiUrl());
        DeviceLogin.signIn(ticloud, "google", "alice", "alice-pass");
        String cliToken = accessToken(ticloud);
        String cliSession = claims(cliToken).get("sid").asText();
        assertAccepted(stack.apiUrl(), cliToken);
        String portal = portalToken("alice", "alice-pass");

        JsonNode ticloudEntry = find(
                call("GET", "/v1/me/authorizations", portal, null).json().get("authorizations"),
                "clientId",
                "ticloud-cli");
        assertThat(ticloudEntry.get("name").asText()).isEqualTo("TiDB Cloud CLI");
        assertThat(texts(ticloudEntry.get("scopes"), "scope"))
                .containsExactly("project:read", "project:write", "cluster:read", "cluster:write");
        assertThat(texts(ticloudEntry.get("scopes"), "description"))
                .containsExactly(
                        "View your projects", "Manage your projects", "View your clusters", "Manage your clusters");
        JsonNode session = find(ticloudEntry.get("sessions"), "id", cliSession);
        assertThat(session.get("kind").asText()).isEqualTo("device");

        Answer revoked = call("DELETE", "/v1/me/authorizations/ticloud-cli", portal, null);
        long revokedAt = System.nanoTime();
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(204);

        assertRefusedWithin(stack.apiUrl(), cliToken, revokedAt, RevocationStack.WITHIN);
        HttpResponse<String> refresh = refreshAtKeycloak("ticloud-cli", refreshToken(ticloud));
        assertThat(refresh.statusCode()).as(refresh.body()).isEqualTo(400);
        assertThat(JSON.readTree(refresh.body()).get("error").asText()).isEqualTo("invalid_grant");
        assertThat(call("GET", "/v1/me/authorizations", portal, null)
                        .json()
                        .get("authorizations")
                        .findValuesAsText("clientId"))
                .doesNotContain("ticloud-cli");
    }

    @Test
    void endingAnotherSessionMakesItsTokensFail() throws Exception {
        TicloudCli ticloud = new TicloudCli(tempDir.resolve("ticloud"), stack.apiUrl());
        DeviceLogin.signIn(ticloud, "google", "alice", "alice-pass");
        String cliToken = accessToken(ticloud);
        String cliSession = claims(cliToken).get("sid").asText();
        assertAccepted(stack.apiUrl(), cliToken);
        String portal = portalToken("alice", "alice-pass");
        String portalSession = claims(portal).get("sid").asText();

        JsonNode sessions = call("GET", "/v1/me/sessions", portal, null).json().get("sessions");
        JsonNode current = find(sessions, "id", portalSession);
        assertThat(current.get("current").asBoolean()).isTrue();
        assertThat(current.get("kind").asText()).isEqualTo("browser");
        JsonNode device = find(sessions, "id", cliSession);
        assertThat(device.get("current").asBoolean()).isFalse();
        assertThat(device.get("kind").asText()).isEqualTo("device");
        assertThat(texts(device.get("clients"), "clientId")).containsExactly("ticloud-cli");

        Answer ended = call("DELETE", "/v1/me/sessions/" + cliSession, portal, null);
        long endedAt = System.nanoTime();
        assertThat(ended.status()).as(ended.body()).isEqualTo(204);

        assertRefusedWithin(stack.apiUrl(), cliToken, endedAt, RevocationStack.WITHIN);
        HttpResponse<String> refresh = refreshAtKeycloak("ticloud-cli", refreshToken(ticloud));
        assertThat(refresh.statusCode()).as(refresh.body()).isEqualTo(400);
        assertThat(call("GET", "/v1/me/sessions", portal, null)
                        .json()
                        .get("sessions")
                        .findValuesAsText("id"))
                .contains(portalSession)
                .doesNotContain(cliSession);
    }

    @Test
    void deletingARegisteredAppMakesItsTokensFailAndOthersCannotTouchIt() throws Exception {
        try (Browser browser = Browser.start();
                AppCallback callback = new AppCallback()) {
            String alice = PortalSignIn.signIn(browser, "google", "alice", "alice-pass")
                    .accessToken();
            Answer registered = call(
                    "POST",
                    "/v1/apps",
                    alice,
                    Map.of(
                            "name",
                            "Alice's dashboard",
                            "kind",
                            "web",
                            "redirectUris",
                            List.of(callback.redirectUri()),
                            "scopes",
                            List.of("project:read")));
            assertThat(registered.status()).as(registered.body()).isEqualTo(201);
            String clientId = registered.json().get("clientId").asText();
            String secret = registered.json().get("clientSecret").asText();
            IssuedSecrets.record(IssuedSecrets.Kind.CLIENT_SECRET, secret);

            // the person authorizes the app in the same browser: Keycloak knows them, so the consent pages follow
            Pkce pkce = Pkce.create();
            browser.open(TestStack.oidcUrl() + "/protocol/openid-connect/auth?response_type=code&scope="
                    + encode("openid project:read") + "&state=s1&client_id=" + clientId
                    + "&redirect_uri=" + encode(callback.redirectUri())
                    + pkce.authorizationParameters());
            new SignInPages(browser).acceptConsent();
            String appToken = callback.exchange(clientId, secret, pkce);
            assertAccepted(stack.apiUrl(), appToken);

            Answer appAtPortalApi = call("GET", "/v1/me/authorizations", appToken, null);
            assertThat(appAtPortalApi.status()).isEqualTo(403);
            assertThat(appAtPortalApi.json().get("message").asText())
                    .isEqualTo("This API accepts only the TiDB Cloud portal's tokens.");

            String carol = portalToken("carol", "carol-pass");
            assertThat(call("GET", "/v1/apps/" + clientId, carol, null).status())
                    .isEqualTo(404);
            assertThat(call("DELETE", "/v1/apps/" + clientId, carol, null).status())
                    .isEqualTo(404);
            assertAccepted(stack.apiUrl(), appToken);

            Answer deleted = call("DELETE", "/v1/apps/" + clientId, alice, null);
            long deletedAt = System.nanoTime();
            assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);

            assertRefusedWithin(stack.apiUrl(), appToken, deletedAt, RevocationStack.WITHIN);
            assertThat(call("GET", "/v1/apps/" + clientId, alice, null).status())
                    .isEqualTo(404);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static String portalToken(String user, String password) throws Exception {
        try (Browser browser = Browser.start()) {
            return PortalSignIn.signIn(browser, "google", user, password).accessToken();
        }
    }

    record Answer(int status, String body) {
        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }
    }

    private static Answer call(String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.authServiceUrl() + path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30));
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (value.equals(item.path(field).asText())) {
                return item;
            }
        }
        throw new AssertionError("no entry with " + field + "=" + value + " in " + array);
    }

    private static List<String> texts(JsonNode array, String field) {
        return array.findValuesAsText(field);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The registered app's redirect URI: a local server that receives the code. */
    private static final class AppCallback implements AutoCloseable {

        private final HttpServer server;
        private final CompletableFuture<Map<String, String>> redirect = new CompletableFuture<>();

        AppCallback() throws Exception {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/callback", exchange -> {
                redirect.complete(RedirectQuery.of(exchange.getRequestURI()));
                byte[] page = "<html><body>signed in</body></html>".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, page.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(page);
                }
            });
            server.start();
        }

        String redirectUri() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/callback";
        }

        String exchange(String clientId, String secret, Pkce pkce) throws Exception {
            Map<String, String> params = redirect.get(60, TimeUnit.SECONDS);
            assertThat(params).as("redirect").containsKey("code");
            HttpResponse<String> token = HTTP.send(
                    HttpRequest.newBuilder(URI.create(TestStack.oidcUrl() + "/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code="
                                    + encode(params.get("code")) + "&redirect_uri=" + encode(redirectUri())
                                    + pkce.tokenParameters() + "&client_id=" + encode(clientId)
                                    + "&client_secret=" + encode(secret)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
            IssuedSecrets.record(IssuedSecrets.Kind.AUTHORIZATION_CODE, params.get("code"));
            JsonNode tokens = JSON.readTree(token.body());
            IssuedSecrets.recordTokenResponse(tokens);
            return tokens.get("access_token").asText();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
