package io.tidbcloud.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walking skeleton end to end: `ticloud auth login --no-browser`, a person approving the device
 * code in a real browser through the google stand-in, then `ticloud project list` against the real API.
 */
class DeviceLoginEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final CloudApiProcess cloudApi = new CloudApiProcess();

    @TempDir
    Path configDir;

    @Test
    void deviceLoginApprovedInBrowserThenProjectListShowsDefaultProject() throws Exception {
        TicloudCli ticloud = new TicloudCli(configDir.resolve("ticloud"), cloudApi.baseUrl());

        DeviceLogin.Outcome login = DeviceLogin.signIn(ticloud, "google", "alice", "alice-pass");

        assertThat(login.verificationUrl())
                .startsWith(TestStack.oidcUrl() + "/device")
                .contains("user_code=");
        // our base-20 user codes (keycloak-extensions), not Keycloak's default A-Z
        assertThat(login.userCode()).matches("[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}");
        assertThat(login.result().stderr()).contains("Signed in as alice@example.com");
        assertPrivate(ticloud.configDir());

        TicloudCli.Result json = ticloud.run("project", "list", "-o", "json");
        assertThat(json.exitCode()).as(json.stderr()).isZero();
        JsonNode projects = JSON.readTree(json.stdout()).get("projects");
        assertThat(projects).hasSize(1);
        assertThat(projects.get(0).get("name").asText()).isEqualTo("default");
        assertThat(projects.get(0).get("id").asText()).isNotBlank();

        TicloudCli.Result table = ticloud.run("project", "list");
        assertThat(table.exitCode()).as(table.stderr()).isZero();
        assertThat(table.stdout()).contains("ID").contains("Name").contains("default");

        TicloudCli.Result logout = ticloud.run("auth", "logout");
        assertThat(logout.exitCode()).as(logout.stderr()).isZero();
        assertThat(logout.stderr()).contains("Signed out.");

        TicloudCli.Result afterLogout = ticloud.run("project", "list");
        assertThat(afterLogout.exitCode()).isEqualTo(4);
        assertThat(afterLogout.stderr()).contains("ticloud auth login");
    }

    @Test
    void declinedInTheBrowserLoginEndsWithExitOneSayingSoAndStoresNothing() throws Exception {
        TicloudCli ticloud = new TicloudCli(configDir.resolve("declined"), cloudApi.baseUrl());

        TicloudCli.Result declined = DeviceLogin.signInAndDecline(ticloud, "microsoft", "dave", "dave-pass");

        assertThat(declined.exitCode()).as(declined.stderr()).isEqualTo(1);
        assertThat(declined.stderr())
                .contains("Sign-in was declined in the browser. Run `ticloud auth login` to try again.");
        assertThat(ticloud.configDir().resolve("credentials.json")).doesNotExist();
        TicloudCli.Result status = ticloud.run("auth", "status");
        assertThat(status.exitCode()).isEqualTo(4);
    }

    @Test
    void aCodeNobodyApprovesExpiresAndLoginEndsWithExitOneSayingWhatToDo() throws Exception {
        // A copy of the CLI's client whose device codes live 4 s and are polled every second. Nobody approves.
        RealmAdmin admin = new RealmAdmin();
        String clientId = "ticloud-cli-expiring-" + System.nanoTime();
        String internalId = admin.copyClient(
                "ticloud-cli",
                clientId,
                Map.of("oauth2.device.code.lifespan", "4", "oauth2.device.polling.interval", "1"));
        try {
            TicloudCli ticloud = new TicloudCli(configDir.resolve("expired"), cloudApi.baseUrl())
                    .withEnvironment("TICLOUD_OAUTH_CLIENT_ID", clientId);

            // -D prints the exchanges: the last answer shows who ended the flow.
            TicloudCli.Running login = ticloud.start("-D", "auth", "login", "--no-browser", "--scopes", "project:read");
            login.awaitStderrLine("Open this URL in your browser:", Duration.ofSeconds(60));
            TicloudCli.Result expired = login.await(Duration.ofSeconds(60));

            assertThat(expired.exitCode()).as(expired.stderr()).isEqualTo(1);
            assertThat(expired.stderr()).as("Keycloak's own RFC 8628 answer").contains("\"error\":\"expired_token\"");
            assertThat(expired.stderr())
                    .contains("The code expired before it was approved. Run `ticloud auth login` to get a new one.");
            assertThat(ticloud.configDir().resolve("credentials.json")).doesNotExist();
        } finally {
            admin.deleteClient(internalId);
        }
    }

    @Test
    void ctrlCWhileWaitingForTheApprovalExits130AndStoresNothing() throws Exception {
        TicloudCli ticloud = new TicloudCli(configDir.resolve("interrupted"), cloudApi.baseUrl());

        TicloudCli.Running login = ticloud.startInterruptible("auth", "login", "--no-browser");
        login.awaitStderrLine("Waiting for you to approve", Duration.ofSeconds(60));
        login.pressCtrlC();
        TicloudCli.Result interrupted = login.await(Duration.ofSeconds(30));

        assertThat(interrupted.exitCode()).as(interrupted.stderr()).isEqualTo(130);
        assertThat(interrupted.stderr()).doesNotContain("Signed in");
        assertThat(ticloud.configDir().resolve("credentials.json")).doesNotExist();
        TicloudCli.Result status = ticloud.run("auth", "status");
        assertThat(status.exitCode()).isEqualTo(4);
    }

    /** The configuration directory is 0700 and every file in it 0600: tokens are nobody else's. */
    private static void assertPrivate(Path dir) throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
                .isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                try {
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                            .as(file.toString())
                            .isEqualTo("rw-------");
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
            });
        }
    }
}
