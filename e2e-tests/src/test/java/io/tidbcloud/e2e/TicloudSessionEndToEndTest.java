package io.tidbcloud.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * `ticloud`'s session against the real Keycloak (refresh-token rotation on, reuse refused) and the
 * real API: login, whoami and token, refresh with rotation, two processes refreshing at once, logout
 * after which Keycloak refuses the old refresh token, and the exit codes a script sees.
 */
class TicloudSessionEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final CloudApiProcess cloudApi = new CloudApiProcess();

    @TempDir
    Path tempDir;

    @Test
    void sessionRefreshesWithRotationSurvivesConcurrentRefreshAndLogoutRevokesIt() throws Exception {
        TicloudCli ticloud = new TicloudCli(tempDir.resolve("ticloud"), cloudApi.baseUrl());
        login(ticloud, "carol", "carol-pass");

        // whoami: who, which scopes, until when; data on stdout
        TicloudCli.Result whoami = ticloud.run("auth", "whoami", "-o", "json");
        assertThat(whoami.exitCode()).as(whoami.stderr()).isZero();
        JsonNode identity = JSON.readTree(whoami.stdout());
        assertThat(identity.get("email").asText()).isEqualTo("carol@example.com");
        assertThat(identity.get("scopes").toString())
                .contains("project:read", "project:write", "cluster:read", "cluster:write");
        assertThat(identity.get("organization").asText()).isNotBlank();
        assertThat(Instant.parse(identity.get("expiresAt").asText())).isAfter(Instant.now());

        // auth token: the stored access token, accepted by the API
        TicloudCli.Result token = ticloud.run("auth", "token");
        assertThat(token.exitCode()).as(token.stderr()).isZero();
        assertThat(apiStatus(token.stdout().strip())).isEqualTo(200);

        // refresh with rotation: an access token about to expire is refreshed and the new refresh token stored
        String firstRefreshToken = stored(ticloud).get("refresh_token").asText();
        expireAccessToken(ticloud);
        TicloudCli.Result refreshed = ticloud.run("project", "list", "-o", "json");
        assertThat(refreshed.exitCode()).as(refreshed.stderr()).isZero();
        String rotated = stored(ticloud).get("refresh_token").asText();
        assertThat(rotated).isNotEqualTo(firstRefreshToken);
        assertThat(stored(ticloud).get("access_token").asText())
                .isNotEqualTo(token.stdout().strip());

        // two processes refreshing at once: the second waits for the first and uses its tokens
        expireAccessToken(ticloud);
        TicloudCli.Running first = ticloud.start("auth", "token");
        TicloudCli.Running second = ticloud.start("auth", "token");
        TicloudCli.Result firstResult = first.await(Duration.ofSeconds(60));
        TicloudCli.Result secondResult = second.await(Duration.ofSeconds(60));
        assertThat(firstResult.exitCode()).as(firstResult.stderr()).isZero();
        assertThat(secondResult.exitCode()).as(secondResult.stderr()).isZero();
        assertThat(secondResult.stdout()).isEqualTo(firstResult.stdout());
        String afterConcurrent = stored(ticloud).get("refresh_token").asText();
        assertThat(afterConcurrent).isNotEqualTo(rotated);

        // the session lives on: another forced refresh still works
        expireAccessToken(ticloud);
        TicloudCli.Result stillSignedIn = ticloud.run("auth", "status");
        assertThat(stillSignedIn.exitCode()).as(stillSignedIn.stderr()).isZero();
        assertThat(stillSignedIn.stdout()).startsWith("Signed in as carol@example.com");
        String lastRefreshToken = stored(ticloud).get("refresh_token").asText();

        // logout revokes: Keycloak then refuses the refresh token it had issued
        TicloudCli.Result logout = ticloud.run("auth", "logout");
        assertThat(logout.exitCode()).as(logout.stderr()).isZero();
        assertThat(logout.stderr()).isEqualTo("Signed out.\n");
        assertThat(ticloud.configDir().resolve("credentials.json")).doesNotExist();
        HttpResponse<String> reuse = RevocationStack.refreshAtKeycloak("ticloud-cli", lastRefreshToken);
        assertThat(reuse.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(reuse.body()).get("error").asText()).isEqualTo("invalid_grant");

        TicloudCli.Result afterLogout = ticloud.run("auth", "token");
        assertThat(afterLogout.exitCode()).isEqualTo(4);
        assertThat(afterLogout.stdout()).isEmpty();
        assertThat(afterLogout.stderr()).isEqualTo("Not signed in: run `ticloud auth login`\n");
    }

    @Test
    void sessionEndedAtKeycloakExitsFourAndAsksForALogin() throws Exception {
        TicloudCli ticloud = new TicloudCli(tempDir.resolve("ticloud"), cloudApi.baseUrl());
        login(ticloud, "alice", "alice-pass");

        // the session ends elsewhere (revoked at Keycloak), then the CLI needs a refresh
        HttpResponse<String> revoke = HTTP.send(
                HttpRequest.newBuilder(URI.create(TestStack.oidcUrl() + "/protocol/openid-connect/revoke"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                                "client_id",
                                "ticloud-cli",
                                "token",
                                stored(ticloud).get("refresh_token").asText(),
                                "token_type_hint",
                                "refresh_token"))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(revoke.statusCode()).isEqualTo(200);
        expireAccessToken(ticloud);

        TicloudCli.Result list = ticloud.run("project", "list");
        assertThat(list.exitCode()).isEqualTo(4);
        assertThat(list.stdout()).isEmpty();
        assertThat(list.stderr())
                .startsWith("Your session has ended (invalid_grant")
                .endsWith(": run `ticloud auth login`\n");

        TicloudCli.Result usage = ticloud.run("project", "list", "-o", "yaml");
        assertThat(usage.exitCode()).isEqualTo(2);

        TicloudCli.Result logout = ticloud.run("auth", "logout");
        assertThat(logout.exitCode()).as(logout.stderr()).isZero();
    }

    @Test
    void logoutWhenKeycloakIsUnreachableForgetsTheTokensAndExitsOne() throws Exception {
        TicloudCli ticloud = new TicloudCli(tempDir.resolve("ticloud"), cloudApi.baseUrl());
        login(ticloud, "alice", "alice-pass");
        String refreshToken = stored(ticloud).get("refresh_token").asText();
        // The tokens name the realm that issued them; point that at a closed port.
        ObjectNode entries = (ObjectNode) JSON.readTree(Files.readString(credentials(ticloud)));
        ((ObjectNode) entries.get("default")).put("oauth_endpoint", "http://127.0.0.1:9/realms/tidbcloud");
        Files.writeString(credentials(ticloud), JSON.writeValueAsString(entries));

        TicloudCli.Result logout = ticloud.run("auth", "logout");

        assertThat(logout.exitCode()).isEqualTo(1);
        assertThat(logout.stderr())
                .startsWith("Signed out on this computer, but the revocation did not reach the "
                        + "server (cannot reach http://127.0.0.1:9/realms/tidbcloud)");
        assertThat(credentials(ticloud)).doesNotExist();
        // not revoked: the session still refreshes at Keycloak (then end it, to leave nothing behind)
        HttpResponse<String> stillValid = RevocationStack.refreshAtKeycloak("ticloud-cli", refreshToken);
        assertThat(stillValid.statusCode()).as(stillValid.body()).isEqualTo(200);
        HTTP.send(
                HttpRequest.newBuilder(URI.create(TestStack.oidcUrl() + "/protocol/openid-connect/revoke"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                                "client_id",
                                "ticloud-cli",
                                "token",
                                JSON.readTree(stillValid.body())
                                        .get("refresh_token")
                                        .asText(),
                                "token_type_hint",
                                "refresh_token"))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void offlineAccessLoginGetsAnOfflineRefreshTokenThatRefreshesAndIsRevokedAtLogout() throws Exception {
        TicloudCli ticloud = new TicloudCli(tempDir.resolve("ticloud"), cloudApi.baseUrl());
        login(
                ticloud,
                "alice",
                "alice-pass",
                "--scopes",
                "project:read,project:write,cluster:read,cluster:write,offline_access");
        String refreshToken = stored(ticloud).get("refresh_token").asText();
        assertThat(jwtClaims(refreshToken).get("typ").asText()).isEqualTo("Offline");

        expireAccessToken(ticloud);
        TicloudCli.Result list = ticloud.run("project", "list", "-o", "json");
        assertThat(list.exitCode()).as(list.stderr()).isZero();
        String rotated = stored(ticloud).get("refresh_token").asText();
        assertThat(rotated).isNotEqualTo(refreshToken);

        TicloudCli.Result logout = ticloud.run("auth", "logout");
        assertThat(logout.exitCode()).as(logout.stderr()).isZero();
        HttpResponse<String> reuse = RevocationStack.refreshAtKeycloak("ticloud-cli", rotated);
        assertThat(reuse.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(reuse.body()).get("error").asText()).isEqualTo("invalid_grant");
    }

    private static void login(TicloudCli ticloud, String user, String password, String... loginOptions)
            throws Exception {
        DeviceLogin.Outcome login = DeviceLogin.signIn(ticloud, "google", user, password, loginOptions);
        assertThat(login.result().stderr()).contains("Signed in as " + user + "@example.com");
    }

    private static Path credentials(TicloudCli ticloud) {
        return ticloud.configDir().resolve("credentials.json");
    }

    private static JsonNode stored(TicloudCli ticloud) throws Exception {
        return JSON.readTree(Files.readString(credentials(ticloud))).get("default");
    }

    /** Makes the stored access token look expired, as if the CLI had not run for five minutes. */
    private static void expireAccessToken(TicloudCli ticloud) throws Exception {
        ObjectNode entries = (ObjectNode) JSON.readTree(Files.readString(credentials(ticloud)));
        ((ObjectNode) entries.get("default")).put("expires_at", Instant.now().getEpochSecond() - 1);
        Files.writeString(credentials(ticloud), JSON.writeValueAsString(entries));
    }

    private static int apiStatus(String accessToken) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(cloudApi.baseUrl() + "/v1beta1/projects"))
                                .header("Authorization", "Bearer " + accessToken)
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static JsonNode jwtClaims(String jwt) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static String form(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return body.toString();
    }
}
