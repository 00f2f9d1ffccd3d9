package io.tidbcloud.cli.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidbcloud.cli.testing.HttpStub;
import io.tidbcloud.cli.testing.HttpStub.Response;
import io.tidbcloud.cli.testing.TestCli;
import io.tidbcloud.cli.testing.Tokens;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LogoutCommandTest {

    private static final String REVOKE_PATH = "/realms/tidbcloud/protocol/openid-connect/revoke";

    @RegisterExtension
    final TestCli cli = TestCli.withStub();

    private final HttpStub stub = cli.stub;

    @Test
    void logoutRevokesTheRefreshTokenThenTheAccessTokenAndForgetsThem() throws Exception {
        cli.signIn("at-1", "rt-1", 300);
        stub.on("POST", REVOKE_PATH, Response.json(200, ""), Response.json(200, ""));

        TestCli.Result result = cli.run("auth", "logout");

        assertEquals(0, result.exitCode());
        assertEquals("", result.out());
        assertEquals("Signed out.\n", result.err());
        assertEquals(
                List.of(
                        Map.of("token", "rt-1", "token_type_hint", "refresh_token", "client_id", "ticloud-cli"),
                        Map.of("token", "at-1", "token_type_hint", "access_token", "client_id", "ticloud-cli")),
                stub.requests().stream().map(HttpStub.Request::form).toList());
        assertTrue(cli.storedCredentials().isEmpty());
        assertFalse(Files.exists(cli.configDir.resolve("credentials.json")));
        stub.verifyAllUsed();
    }

    @Test
    void unreachableServerStillForgetsTheTokensAndExitsOne() throws Exception {
        cli.env.put("TICLOUD_OAUTH_ENDPOINT", "http://127.0.0.1:1/realms/tidbcloud");
        cli.signIn("at-1", "rt-1", 300);

        TestCli.Result result = cli.call(context -> new LogoutCommand(context).run());

        assertEquals(1, result.exitCode());
        assertEquals(
                "Signed out on this computer, but the revocation did not reach the server "
                        + "(cannot reach http://127.0.0.1:1/realms/tidbcloud): the tokens stay valid until they expire.\n",
                result.err());
        assertTrue(cli.storedCredentials().isEmpty());
    }

    @Test
    void serverRefusingTheRevocationStillForgetsTheTokensAndExitsOne() throws Exception {
        cli.signIn("at-1", "rt-1", 300);
        stub.on("POST", REVOKE_PATH, Tokens.oauthError(503, "temporarily_unavailable", "maintenance"));

        TestCli.Result result = cli.call(context -> new LogoutCommand(context).run());

        assertEquals(1, result.exitCode());
        assertEquals(
                "Signed out on this computer, but the revocation did not reach the server "
                        + "(temporarily_unavailable (maintenance)): the tokens stay valid until they expire.\n",
                result.err());
        assertTrue(cli.storedCredentials().isEmpty());
        stub.verifyAllUsed();
    }

    @Test
    void logoutWhenNotSignedInSaysSoAndSucceeds() {
        TestCli.Result result = cli.call(context -> new LogoutCommand(context).run());

        assertEquals(0, result.exitCode());
        assertEquals("Not signed in.\n", result.err());
        assertEquals(List.of(), stub.requests());
    }
}
