package io.tidbcloud.e2e;

import static io.tidbcloud.e2e.RevocationStack.accessToken;
import static io.tidbcloud.e2e.RevocationStack.assertAccepted;
import static io.tidbcloud.e2e.RevocationStack.assertRefusedWithin;
import static io.tidbcloud.e2e.RevocationStack.refreshToken;
import static io.tidbcloud.e2e.RevocationStack.revokeAtKeycloak;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** RFC 7009 revocation at Keycloak, of an access token and of a refresh token. */
class TokenRevocationEndToEndTest {

    @RegisterExtension
    static final RevocationStack stack = RevocationStack.withApiInstances(1);

    @TempDir
    Path tempDir;

    @Test
    void revokedAccessTokenIsRefusedWithinOneSecond() throws Exception {
        TicloudCli ticloud = new TicloudCli(tempDir.resolve("ticloud"), stack.apiUrl());
        DeviceLogin.signIn(ticloud, "google", "alice", "alice-pass");
        String token = accessToken(ticloud);
        assertAccepted(stack.apiUrl(), token);

        long revoked = revokeAtKeycloak(token, "access_token");

        assertRefusedWithin(stack.apiUrl(), token, revoked, RevocationStack.WITHIN);
    }

    @Test
    void revokingTheRefreshTokenMakesTheClientsAccessTokenRefusedWithinOneSecond() throws Exception {
        TicloudCli ticloud = new TicloudCli(tempDir.resolve("ticloud"), stack.apiUrl());
        DeviceLogin.signIn(ticloud, "google", "alice", "alice-pass");
        String token = accessToken(ticloud);
        assertAccepted(stack.apiUrl(), token);

        long revoked = revokeAtKeycloak(refreshToken(ticloud), "refresh_token");

        assertRefusedWithin(stack.apiUrl(), token, revoked, RevocationStack.WITHIN);
    }
}
