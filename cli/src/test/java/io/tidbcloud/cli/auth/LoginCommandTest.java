package io.tidbcloud.cli.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidbcloud.cli.credentials.Credentials;
import io.tidbcloud.cli.testing.HttpStub;
import io.tidbcloud.cli.testing.HttpStub.Response;
import io.tidbcloud.cli.testing.TestCli;
import io.tidbcloud.cli.testing.Tokens;
import io.tidbcloud.contract.login.IdentityProvider;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LoginCommandTest {

    private static final String DEVICE_PATH = "/realms/tidbcloud/protocol/openid-connect/auth/device";
    private static final String TOKEN_PATH = "/realms/tidbcloud/protocol/openid-connect/token";

    @RegisterExtension
    final TestCli cli = TestCli.withStub();

    private final HttpStub stub = cli.stub;
    private final String verificationUrl = stub.base() + "/realms/tidbcloud/device?user_code=WDJB-MJHT";

    /** What {@code auth login} asks for without --scopes: the defaults but openid, which it always adds. */
    private static final List<String> DEFAULT_REQUESTED =
            LoginCommand.DEFAULT_SCOPES.subList(1, LoginCommand.DEFAULT_SCOPES.size());

    private TestCli.Result login(LoginCommand.Options options) {
        return cli.call(context -> new LoginCommand(context).run(options));
    }

    private void scriptDeviceAuthorization() {
        stub.on("POST", DEVICE_PATH, Response.json(200, """
                {"device_code":"dc-1","user_code":"WDJB-MJHT","verification_uri":"%s/realms/tidbcloud/device",
                 "verification_uri_complete":"%s","expires_in":600,"interval":5}""".formatted(stub.base(), verificationUrl)));
    }

    @Test
    void theDefaultScopesAreOpenidEveryApiScopeAndOfflineAccess() {
        assertEquals(
                List.of("openid", "project:read", "project:write", "cluster:read", "cluster:write", "offline_access"),
                LoginCommand.DEFAULT_SCOPES);
    }

    @Test
    void loginPrintsUrlAndCodeWaitsForApprovalAndStoresTheTokens() throws Exception {
        scriptDeviceAuthorization();
        stub.on(
                "POST",
                TOKEN_PATH,
                Tokens.oauthError(400, "authorization_pending", "pending"),
                Tokens.tokenResponse("at-1", "rt-1", "alice@example.com"));

        TestCli.Result result = cli.run("auth", "login", "--no-browser");

        assertEquals(0, result.exitCode());
        assertEquals("", result.out());
        assertEquals("""
                Open this URL in your browser: %s
                Then confirm that it shows the code: WDJB-MJHT
                Waiting for you to approve...
                Signed in as alice@example.com
                """.formatted(verificationUrl), result.err());
        Credentials stored = cli.storedCredentials().orElseThrow();
        assertEquals("at-1", stored.accessToken());
        assertEquals("rt-1", stored.refreshToken());
        assertEquals("alice@example.com", stored.email());
        assertEquals(cli.oauthEndpoint(), stored.oauthEndpoint());
        // two polls of 5 s each on the fake clock, then 300 s of token life
        assertEquals(cli.clock.instant().plusSeconds(300).getEpochSecond(), stored.expiresAt());
        assertEquals(
                "openid project:read project:write cluster:read cluster:write offline_access",
                stub.requests("POST", DEVICE_PATH).get(0).form().get("scope"));
        stub.verifyAllUsed();
    }

    @Test
    void loginStoresTokensOwnerOnlyAndWritesADefaultConfig() throws Exception {
        scriptDeviceAuthorization();
        stub.on("POST", TOKEN_PATH, Tokens.tokenResponse("at-1", "rt-1", "alice@example.com"));

        assertEquals(
                0,
                login(new LoginCommand.Options(true, DEFAULT_REQUESTED, null)).exitCode());

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cli.configDir)));
        assertEquals(
                "rw-------",
                PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(cli.configDir.resolve("credentials.json"))));
        assertEquals(
                "rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(cli.configDir.resolve("config.toml"))));
        assertEquals(TestCli.DEFAULT_CONFIG_TOML, Files.readString(cli.configDir.resolve("config.toml")));
    }

    @Test
    void interactiveLoginOpensTheBrowserAtTheCompleteUrl() {
        scriptDeviceAuthorization();
        stub.on("POST", TOKEN_PATH, Tokens.tokenResponse("at-1", "rt-1", "alice@example.com"));
        cli.interactive = true;

        assertEquals(
                0,
                login(new LoginCommand.Options(false, DEFAULT_REQUESTED, null)).exitCode());

        assertEquals(List.of(URI.create(verificationUrl)), cli.openedInBrowser);
    }

    @Test
    void noBrowserOptionKeepsTheBrowserClosedOnATerminal() {
        scriptDeviceAuthorization();
        stub.on("POST", TOKEN_PATH, Tokens.tokenResponse("at-1", "rt-1", "alice@example.com"));
        cli.interactive = true;

        assertEquals(
                0,
                login(new LoginCommand.Options(true, DEFAULT_REQUESTED, null)).exitCode());

        assertEquals(List.of(), cli.openedInBrowser);
    }

    @Test
    void nonInteractiveRunDoesNotOpenABrowser() {
        scriptDeviceAuthorization();
        stub.on("POST", TOKEN_PATH, Tokens.tokenResponse("at-1", "rt-1", "alice@example.com"));
        cli.interactive = false;

        assertEquals(
                0,
                login(new LoginCommand.Options(false, DEFAULT_REQUESTED, null)).exitCode());

        assertEquals(List.of(), cli.openedInBrowser);
    }

    @Test
    void terminalWithoutDisplayDoesNotOpenABrowser() {
        scriptDeviceAuthorization();
        stub.on("POST", TOKEN_PATH, Tokens.tokenResponse("at-1", "rt-1", "alice@example.com"));
        cli.interactive = true;
        cli.browserAvailable = false;

        assertEquals(
                0,
                login(new LoginCommand.Options(false, DEFAULT_REQUESTED, null)).exitCode());

        assertEquals(List.of(), cli.openedInBrowser);
    }

    @Test
    void idpOptionAddsKcIdpHintToTheRequestAndTheShownUrl() {
        scriptDeviceAuthorization();
        stub.on("POST", TOKEN_PATH, Tokens.tokenResponse("at-1", "rt-1", "bob@contoso.example"));

        TestCli.Result result = login(new LoginCommand.Options(true, DEFAULT_REQUESTED, IdentityProvider.MICROSOFT));

        assertEquals(0, result.exitCode());
        assertTrue(
                result.err()
                        .startsWith("Open this URL in your browser: " + verificationUrl + "&kc_idp_hint=microsoft\n"),
                result.err());
        assertEquals(
                "microsoft", stub.requests("POST", DEVICE_PATH).get(0).form().get("kc_idp_hint"));
    }

    @Test
    void scopesOptionRequestsFewerScopesAndAlwaysOpenid() {
        scriptDeviceAuthorization();
        stub.on("POST", TOKEN_PATH, Tokens.tokenResponse("at-1", "rt-1", "alice@example.com"));

        assertEquals(
                0,
                login(new LoginCommand.Options(true, List.of("project:read"), null))
                        .exitCode());

        assertEquals(
                "openid project:read",
                stub.requests("POST", DEVICE_PATH).get(0).form().get("scope"));
    }

    @Test
    void declinedApprovalExitsOneAndStoresNothing() {
        scriptDeviceAuthorization();
        stub.on("POST", TOKEN_PATH, Tokens.oauthError(400, "access_denied", "denied"));

        TestCli.Result result = login(new LoginCommand.Options(true, DEFAULT_REQUESTED, null));

        assertEquals(1, result.exitCode());
        assertTrue(
                result.err()
                        .endsWith("Waiting for you to approve...\n"
                                + "Sign-in was declined in the browser. Run `ticloud auth login` to try again.\n"),
                result.err());
        assertTrue(cli.storedCredentials().isEmpty());
        stub.verifyAllUsed();
    }

    @Test
    void expiredCodeExitsOneAndSaysToStartOver() {
        scriptDeviceAuthorization();
        stub.on("POST", TOKEN_PATH, Tokens.oauthError(400, "expired_token", "expired"));

        TestCli.Result result = login(new LoginCommand.Options(true, DEFAULT_REQUESTED, null));

        assertEquals(1, result.exitCode());
        assertTrue(
                result.err()
                        .endsWith("The code expired before it was approved. "
                                + "Run `ticloud auth login` to get a new one.\n"),
                result.err());
        assertTrue(cli.storedCredentials().isEmpty());
    }

    @Test
    void refusedDeviceAuthorizationExitsOneWithTheOAuthError() {
        stub.on("POST", DEVICE_PATH, Tokens.oauthError(400, "invalid_scope", "Invalid scopes: openid nope"));

        TestCli.Result result = login(new LoginCommand.Options(true, List.of("nope"), null));

        assertEquals(1, result.exitCode());
        assertEquals(
                "The sign-in server refused the request: invalid_scope (Invalid scopes: openid nope)\n", result.err());
    }

    @Test
    void unreachableSignInServerExitsOneNamingIt() {
        cli.env.put("TICLOUD_OAUTH_ENDPOINT", "http://127.0.0.1:1/realms/tidbcloud");

        TestCli.Result result = login(new LoginCommand.Options(true, DEFAULT_REQUESTED, null));

        assertEquals(1, result.exitCode());
        assertEquals(
                "Cannot reach the sign-in server (Keycloak) at http://127.0.0.1:1/realms/tidbcloud to sign in: "
                        + "connection refused. Is it running? Try again when it is back.\n",
                result.err());
    }
}
