package io.tidbcloud.e2e;

import static io.tidbcloud.e2e.RevocationStack.JSON;
import static io.tidbcloud.e2e.RevocationStack.accessToken;
import static io.tidbcloud.e2e.RevocationStack.awaitStatus;
import static io.tidbcloud.e2e.RevocationStack.call;
import static io.tidbcloud.e2e.RevocationStack.refreshToken;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidbcloud.testsupport.KeycloakAdmin;
import io.tidbcloud.testsupport.KeycloakAdmin.SigningKey;
import io.tidbcloud.testsupport.KeycloakTestSettings;
import io.tidbcloud.testsupport.TcpLink;
import io.tidbcloud.testsupport.TestClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keycloak goes away while the API and a signed-in CLI run, and comes back: meanwhile the API keeps
 * accepting tokens of the key it has cached and refuses, with 401 {@code invalid_token} and never a
 * 5xx, a token of a key Keycloak published after the API cached the realm's keys; the CLI keeps
 * calling the API and says the sign-in server cannot be reached when it must refresh or sign in. Once
 * Keycloak answers again the API accepts the new key's token and the CLI refreshes, with no restart.
 *
 * <p>"Keycloak stopped" is acted out on the network: the API, the CLI and the test's own Keycloak
 * calls reach the build's shared Keycloak only through a {@link TcpLink}, which the test cuts (open
 * connections dropped, new ones refused, as for a stopped process) and restores. Stopping the shared
 * Keycloak itself would break every other test of the build. Keycloak names its issuer after the
 * address it is called at, so the tokens of this test name the link's port; the stand-in Google
 * realm's broker client is allowed to redirect there for the test's browser sign-in.
 */
class KeycloakOutageEndToEndTest {

    @TempDir
    Path tempDir;

    @Test
    void
            whileKeycloakIsUnreachableCachedKeysServeAnUnknownKeyIsInvalidTokenAndTheCliSaysSoThenAllRecoversWithoutRestart()
                    throws Exception {
        KeycloakTestSettings direct = KeycloakTestSettings.fromEnvironment();
        try (TcpLink keycloak = TcpLink.to(URI.create(direct.keycloakUrl()).getPort())) {
            String keycloakUrl = "http://localhost:" + keycloak.port();
            String realmUrl = keycloakUrl + "/realms/" + direct.realm();
            try (AutoCloseable brokerBack = new RealmAdmin("google-dev")
                            .allowRedirectUri("tidbcloud-broker", realmUrl + "/broker/google/endpoint");
                    KeycloakAdmin admin = new KeycloakAdmin(new KeycloakTestSettings(
                            keycloakUrl, direct.adminUser(), direct.adminPassword(), direct.realm()));
                    ServiceProcess api = ServiceProcess.start(
                            "cloud-api-service",
                            Map.of("TIDBCLOUD_OIDC_URL", realmUrl, "TIDBCLOUD_KEYCLOAK_URL", keycloakUrl))) {
                try {
                    outageAndRecovery(keycloak, realmUrl, admin, api);
                } finally {
                    keycloak.restore(); // so that the admin client removes its key and client again
                }
            }
        }
    }

    private void outageAndRecovery(TcpLink keycloak, String realmUrl, KeycloakAdmin admin, ServiceProcess api)
            throws Exception {
        TestClient reader = admin.createServiceClient("keycloak-outage", "project:read");
        TicloudCli ticloud = new TicloudCli(tempDir.resolve("ticloud"), api.baseUrl())
                .withEnvironment("TICLOUD_OAUTH_ENDPOINT", realmUrl);
        DeviceLogin.signIn(ticloud, "google", "carol", "carol-pass");
        String ofCachedKey = reader.token("project:read");
        assertThat(call(api.baseUrl(), ofCachedKey).status()).isEqualTo(200); // the API has the realm's keys now

        SigningKey added = admin.addSigningKey("keycloak-outage");
        String ofNewKey = reader.token("project:read");
        assertThat(kidOf(ofNewKey)).isEqualTo(added.kid()).isNotEqualTo(kidOf(ofCachedKey));

        keycloak.cut();

        // Twice, more than the 1 s forced-JWKS-refresh interval apart: each try to fetch the keys fails.
        for (int round = 0; round < 2; round++) {
            assertThat(call(api.baseUrl(), ofCachedKey).status()).isEqualTo(200);
            assertInvalidToken(call(api.baseUrl(), ofNewKey));
            Thread.sleep(1_100);
        }
        TicloudCli.Result projects = ticloud.run("project", "list", "-o", "json");
        assertThat(projects.exitCode()).as(projects.stderr()).isZero();
        assertThat(JSON.readTree(projects.stdout()).path("projects").size()).isPositive();

        TicloudCli.Result login = ticloud.run("auth", "login", "--no-browser");
        assertThat(login.exitCode()).isEqualTo(1);
        assertThat(login.stderr())
                .isEqualTo("Cannot reach the sign-in server (Keycloak) at " + realmUrl
                        + " to sign in: connection refused. Is it running? Try again when it is back.\n");

        String refreshTokenBefore = refreshToken(ticloud);
        expireAccessToken(ticloud);
        TicloudCli.Result token = ticloud.run("auth", "token");
        assertThat(token.exitCode()).isEqualTo(1);
        assertThat(token.stdout()).isEmpty();
        assertThat(token.stderr())
                .isEqualTo("Cannot reach the sign-in server (Keycloak) at " + realmUrl
                        + " to refresh your access token: connection refused. Is it running? Try again when it is"
                        + " back.\n");
        assertThat(refreshToken(ticloud))
                .as("the session is kept for when Keycloak is back")
                .isEqualTo(refreshTokenBefore);

        keycloak.restore();

        assertThat(awaitStatus(api.baseUrl(), ofNewKey, 200, Duration.ofSeconds(15))
                        .status())
                .isEqualTo(200);
        assertThat(call(api.baseUrl(), ofCachedKey).status()).isEqualTo(200);
        TicloudCli.Result refreshed = ticloud.run("auth", "token");
        assertThat(refreshed.exitCode()).as(refreshed.stderr()).isZero();
        assertThat(refreshToken(ticloud)).isNotEqualTo(refreshTokenBefore);
        String cliToken = refreshed.stdout().strip();
        assertThat(cliToken).isEqualTo(accessToken(ticloud));
        assertThat(kidOf(cliToken)).isEqualTo(added.kid());
        assertThat(call(api.baseUrl(), cliToken).status()).isEqualTo(200);
    }

    private static void assertInvalidToken(RevocationStack.Answer answer) throws Exception {
        assertThat(answer.status()).as(answer.body()).isEqualTo(401);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("code").asInt()).isEqualTo(16);
        assertThat(body.path("message").asText()).startsWith("Invalid access token");
        assertThat(body.path("details").isArray()).isTrue();
        assertThat(answer.wwwAuthenticate()).startsWith("Bearer ").contains("error=\"invalid_token\"");
    }

    /** Makes the stored access token look expired, so that the next command must refresh it. */
    private static void expireAccessToken(TicloudCli ticloud) throws Exception {
        Path credentials = ticloud.configDir().resolve("credentials.json");
        ObjectNode entries = (ObjectNode) JSON.readTree(Files.readString(credentials));
        ((ObjectNode) entries.get("default")).put("expires_at", Instant.now().getEpochSecond() - 1);
        Files.writeString(credentials, JSON.writeValueAsString(entries));
    }

    private static String kidOf(String jwt) throws Exception {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), StandardCharsets.UTF_8))
                .path("kid")
                .asText();
    }
}
