package io.tidbcloud.e2e;

import static io.tidbcloud.e2e.RevocationStack.accessToken;
import static io.tidbcloud.e2e.RevocationStack.assertAccepted;
import static io.tidbcloud.e2e.RevocationStack.assertRefusedWithin;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `ticloud auth logout`: the access token it held fails at both API instances within a second. */
class LogoutRevocationEndToEndTest {

    private static RevocationStack stack;

    @TempDir
    Path tempDir;

    @BeforeAll
    static void start() throws Exception {
        stack = RevocationStack.start(2);
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void afterTicloudLogoutTheOldAccessTokenIsRefusedByBothApiInstancesWithinOneSecond() throws Exception {
        TicloudCli ticloud = new TicloudCli(tempDir.resolve("ticloud"), stack.apiUrl());
        RevocationStack.login(ticloud, "google", "alice", "alice-pass", false);
        String token = accessToken(ticloud);
        for (String api : stack.apiUrls()) {
            assertAccepted(api, token);
        }

        TicloudCli.Result logout = ticloud.run("auth", "logout");
        long loggedOut = System.nanoTime();
        assertThat(logout.exitCode()).as(logout.stderr()).isZero();

        for (String api : stack.apiUrls()) {
            assertRefusedWithin(api, token, loggedOut, RevocationStack.WITHIN);
        }
    }
}
