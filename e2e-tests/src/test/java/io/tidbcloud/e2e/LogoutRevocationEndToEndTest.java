package io.tidbcloud.e2e;

import static io.tidbcloud.e2e.RevocationStack.accessToken;
import static io.tidbcloud.e2e.RevocationStack.assertAccepted;
import static io.tidbcloud.e2e.RevocationStack.assertRefusedWithin;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** `ticloud auth logout`: the access token it held fails at both API instances within a second. */
class LogoutRevocationEndToEndTest {

    @RegisterExtension
    static final RevocationStack stack = RevocationStack.withApiInstances(2);

    @TempDir
    Path tempDir;

    @Test
    void afterTicloudLogoutTheOldAccessTokenIsRefusedByBothApiInstancesWithinOneSecond() throws Exception {
        TicloudCli ticloud = new TicloudCli(tempDir.resolve("ticloud"), stack.apiUrl());
        DeviceLogin.signIn(ticloud, "google", "alice", "alice-pass");
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
