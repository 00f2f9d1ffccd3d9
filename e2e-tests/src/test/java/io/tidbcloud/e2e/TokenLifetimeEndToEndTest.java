package io.tidbcloud.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What changes with time: a person uses `ticloud` minutes and hours after signing in, not seconds. Rather
 * than wait real minutes, each test signs in with a throwaway copy of the CLI's client whose Keycloak
 * lifetimes are seconds: access tokens that expire in the middle of a command, and a client session that
 * times out while the CLI sits idle.
 */
class TokenLifetimeEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Access tokens of the copy client live this long (Keycloak's default is 300 s). */
    private static final int ACCESS_TOKEN_SECONDS = 20;
    /**
     * Creating a cluster takes as long as a token lives: the token the login issued, seconds before the create,
     * falls due while the CLI polls for ACTIVE (the CLI refreshes with a tenth of the lifetime left, at 18 s),
     * and its successor does not (due at 36 s), whatever the exact start-up times. A CLI that refreshed on
     * every request, or never, fails the count below.
     */
    private static final Duration CREATE_DELAY = Duration.ofSeconds(ACCESS_TOKEN_SECONDS);

    @RegisterExtension
    static final CloudApiProcess cloudApi = new CloudApiProcess(Map.of(
            "TIDBCLOUD_API_PROVISIONING_CREATE_DELAY",
            CREATE_DELAY.toString(),
            "TIDBCLOUD_API_PROVISIONING_POLL_INTERVAL",
            "200ms"));

    @RegisterExtension
    final CliClientCopies cliClients = new CliClientCopies();

    @TempDir
    Path tempDir;

    @Test
    void accessTokenExpiringWhileCreateWaitsIsRefreshedOnceAndTheCreateSucceeds() throws Exception {
        TicloudCli ticloud = signedInWithCopyOfCliClient(
                "ticloud-cli-short-tokens", Map.of("access.token.lifespan", Integer.toString(ACCESS_TOKEN_SECONDS)));
        JsonNode signedIn = stored(ticloud);
        assertThat(Instant.ofEpochSecond(signedIn.get("expires_at").asLong()))
                .as("Keycloak applied the copy client's access token lifespan")
                .isBefore(Instant.now().plusSeconds(ACCESS_TOKEN_SECONDS + 1));

        // -D prints every exchange: the token requests and the API's answers, counted below.
        TicloudCli.Result created =
                ticloud.run("-D", "serverless", "create", "-n", "e2e-outlived", "-r", "aws-us-east-1");

        assertThat(created.exitCode()).as(created.stderr()).isZero();
        String clusterId =
                created.stdout().lines().skip(1).findFirst().orElseThrow().split(" +")[0];
        assertThat(created.stdout()).startsWith("ID").contains(" e2e-outlived ").contains(" ACTIVE ");
        assertThat(userLines(created.stderr()))
                .containsExactly(
                        "Waiting for cluster " + clusterId + " to become ACTIVE...",
                        "Cluster " + clusterId + " is ACTIVE.");
        List<String> exchanges = created.stderr()
                .lines()
                .filter(line -> line.startsWith("> POST ") || line.startsWith("> GET "))
                .toList();
        assertThat(exchanges)
                .as("one refresh for the one expiry, among the create and its polls")
                .containsOnlyOnce("> POST " + tokenEndpoint());
        assertThat(exchanges.stream().filter(line -> line.startsWith("> GET ")).count())
                .as("polls: the command outlived its first access token")
                .isGreaterThan(1);
        assertThat(created.stderr())
                .as("the token was refreshed before the API could refuse it")
                .doesNotContain("< HTTP 401");
        JsonNode afterCreate = stored(ticloud);
        assertThat(afterCreate.get("refresh_token").asText())
                .isNotEqualTo(signedIn.get("refresh_token").asText());

        // a later command, after that token expired too: refreshed once, and it works
        awaitExpiry(afterCreate);
        TicloudCli.Result described = ticloud.run("serverless", "describe", "-c", clusterId, "-o", "json");
        assertThat(described.exitCode()).as(described.stderr()).isZero();
        assertThat(described.stderr()).isEmpty();
        JsonNode cluster = JSON.readTree(described.stdout());
        assertThat(cluster.get("clusterId").asText()).isEqualTo(clusterId);
        assertThat(cluster.get("state").asText()).isEqualTo("ACTIVE");
        JsonNode afterDescribe = stored(ticloud);
        String rotated = afterDescribe.get("refresh_token").asText();
        assertThat(rotated).isNotEqualTo(afterCreate.get("refresh_token").asText());

        // and the next one, while the refreshed token is fresh, uses it as it is
        TicloudCli.Result again = ticloud.run("serverless", "describe", "-c", clusterId, "-o", "json");
        assertThat(again.exitCode()).as(again.stderr()).isZero();
        assertThat(JSON.readTree(again.stdout()).get("displayName").asText()).isEqualTo("e2e-outlived");
        assertThat(stored(ticloud).get("refresh_token").asText())
                .as("no refresh for a fresh token")
                .isEqualTo(rotated);
        assertThat(stored(ticloud).get("access_token").asText())
                .isEqualTo(afterDescribe.get("access_token").asText());

        assertThat(ticloud.run("auth", "logout").exitCode()).isZero();
    }

    /**
     * The CLI asks for offline_access by default, so its refresh token belongs to an offline session, whose idle
     * timeout is its own setting; without offline_access it belongs to a regular (SSO) session. Keycloak refuses
     * each with invalid_grant, in its own words.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "default scopes (offline session), client.offline.session.idle.timeout, '', "
                + "Session doesn't have required client",
        "without offline_access, client.session.idle.timeout, 'project:read', Token is not active"
    })
    void sessionIdlePastItsTimeoutSignsTheCliOutWithExitFourAndALoginHint(
            String session, String idleAttribute, String scopes, String keycloakSays) throws Exception {
        int idleSeconds = 10;
        TicloudCli ticloud = signedInWithCopyOfCliClient(
                "ticloud-cli-short-idle",
                Map.of(
                        // shorter than the realm's idle timeouts (SSO 30 min, offline 30 days), so this one decides
                        idleAttribute,
                        Integer.toString(idleSeconds),
                        // expired well within the idle timeout, so that every command below needs a refresh
                        "access.token.lifespan",
                        "3"),
                scopes.isEmpty() ? new String[0] : new String[] {"--scopes", scopes});

        // used within the idle timeout, the session lives on: the refresh works
        awaitExpiry(stored(ticloud));
        TicloudCli.Result inTime = ticloud.run("project", "list");
        assertThat(inTime.exitCode()).as(inTime.stderr()).isZero();
        assertThat(inTime.stdout()).contains("default");

        // idle past it, the refresh token is refused: signed out, told how to sign in again
        Thread.sleep(Duration.ofSeconds(idleSeconds + 2).toMillis());
        TicloudCli.Result idle = ticloud.run("project", "list");

        String signedOut = "Your session has ended (invalid_grant (" + keycloakSays + ")): run `ticloud auth login`\n";
        assertThat(idle.exitCode()).as(idle.stderr()).isEqualTo(4);
        assertThat(idle.stdout()).isEmpty();
        assertThat(idle.stderr()).as("one line, no stack trace").isEqualTo(signedOut);

        // and says so again when asked who is signed in
        TicloudCli.Result status = ticloud.run("auth", "status");
        assertThat(status.exitCode()).as(status.stderr()).isEqualTo(4);
        assertThat(status.stdout()).isEmpty();
        assertThat(status.stderr()).isEqualTo(signedOut);
    }

    /**
     * A copy of the CLI's client with these attributes (polled every second: a short client session must not
     * time out before the login's own token request), and a person signed in with it through the device flow.
     */
    private TicloudCli signedInWithCopyOfCliClient(
            String prefix, Map<String, String> attributes, String... loginOptions) throws Exception {
        String clientId = cliClients.create(prefix, attributes);
        TicloudCli ticloud = new TicloudCli(tempDir.resolve("ticloud"), cloudApi.baseUrl())
                .withEnvironment("TICLOUD_OAUTH_CLIENT_ID", clientId);
        DeviceLogin.Outcome login = DeviceLogin.signIn(ticloud, "google", "alice", "alice-pass", loginOptions);
        assertThat(login.result().stderr()).contains("Signed in as alice@example.com");
        return ticloud;
    }

    private static JsonNode stored(TicloudCli ticloud) throws Exception {
        return JSON.readTree(Files.readString(ticloud.configDir().resolve("credentials.json")))
                .get("default");
    }

    /** Waits until the stored access token has expired, as a person would by doing something else. */
    private static void awaitExpiry(JsonNode credentials) throws InterruptedException {
        Duration left = Duration.between(
                Instant.now(),
                Instant.ofEpochSecond(credentials.get("expires_at").asLong()));
        if (!left.isNegative()) {
            Thread.sleep(left.plusSeconds(1).toMillis());
        }
    }

    /** What the person reads on stderr of a `-D` run: the lines that are not the exchanges' log. */
    private static List<String> userLines(String stderr) {
        return stderr.lines()
                .filter(line -> !line.startsWith("> ") && !line.startsWith("< "))
                .toList();
    }

    private static String tokenEndpoint() {
        return TestStack.oidcUrl() + "/protocol/openid-connect/token";
    }
}
