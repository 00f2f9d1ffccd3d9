package io.tidbcloud.cli.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import io.tidbcloud.cli.credentials.Credentials;
import io.tidbcloud.cli.output.OutputFormat;
import io.tidbcloud.cli.testing.HttpStub;
import io.tidbcloud.cli.testing.HttpStub.Response;
import io.tidbcloud.cli.testing.TestCli;
import io.tidbcloud.cli.testing.Tokens;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatusAndTokenCommandTest {

    private static final String TOKEN_PATH = "/realms/tidbcloud/protocol/openid-connect/token";
    private static final String PROJECTS = "/v1beta1/projects";

    @RegisterExtension
    final TestCli cli = TestCli.withStub();

    private final HttpStub stub = cli.stub;

    private void signInWithIdToken(String scope) throws Exception {
        String idToken = new PlainJWT(new JWTClaimsSet.Builder()
                        .subject("user-1")
                        .claim("email", "alice@example.com")
                        .claim("name", "Alice Liddell")
                        .build())
                .serialize();
        cli.credentials()
                .save(
                        "default",
                        new Credentials(
                                cli.oauthEndpoint(),
                                "ticloud-cli",
                                "at-1",
                                "rt-1",
                                idToken,
                                cli.clock.instant().getEpochSecond() - 30,
                                cli.clock.instant().getEpochSecond() + 270,
                                scope,
                                "alice@example.com"));
    }

    @ParameterizedTest(name = "auth {0} shows who, organization, scopes and expiry")
    @ValueSource(strings = {"status", "whoami"})
    void statusShowsWhoIsSignedIn(String command) throws Exception {
        signInWithIdToken("openid project:read cluster:read");
        stub.on(
                "GET",
                PROJECTS,
                Response.json(
                        200,
                        "{\"projects\":[{\"id\":\"1\",\"name\":\"default\",\"org_id\":\"org-42\"}],\"nextPageToken\":\"\",\"totalSize\":1}"));

        TestCli.Result result = cli.run("auth", command);

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("""
                Signed in as alice@example.com
                  Profile:       default
                  Name:          Alice Liddell
                  Organization:  org-42
                  Scopes:        openid project:read cluster:read
                  Token expires: 2026-01-01T00:04:30Z (in 4m 30s)
                  Signed in at:  %s
                  Tokens in:     %s
                """.formatted(cli.oauthEndpoint(), cli.configDir.resolve("credentials.json")), result.out());
        assertEquals("", result.err());
    }

    @Test
    void statusAsJsonLeavesOutTheOrganizationWithoutProjectRead() throws Exception {
        signInWithIdToken("openid cluster:read");

        TestCli.Result result =
                cli.call(context -> new StatusCommand(context).run(new StatusCommand.Options(OutputFormat.json)));

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("""
                {
                  "profile": "default",
                  "email": "alice@example.com",
                  "name": "Alice Liddell",
                  "organization": null,
                  "scopes": [
                    "openid",
                    "cluster:read"
                  ],
                  "expiresAt": "2026-01-01T00:04:30Z",
                  "oauthEndpoint": "%s",
                  "storedIn": "%s"
                }
                """.formatted(cli.oauthEndpoint(), cli.configDir.resolve("credentials.json")), result.out());
    }

    @ParameterizedTest(name = "auth {0} when not signed in exits 4")
    @ValueSource(strings = {"status", "whoami", "token"})
    void notSignedInExitsFour(String command) {
        TestCli.Result result = cli.run("auth", command);

        assertEquals(4, result.exitCode());
        assertEquals("", result.out());
        assertEquals("Not signed in: run `ticloud auth login`\n", result.err());
    }

    @Test
    void tokenPrintsTheStoredAccessTokenWhileItIsFresh() throws Exception {
        cli.signIn("at-1", "rt-1", 31);

        TestCli.Result result = cli.call(context -> new TokenCommand(context).run());

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("at-1\n", result.out());
        assertEquals(List.of(), stub.requests());
    }

    @Test
    void tokenRefreshesAnAccessTokenExpiringWithinThirtySeconds() throws Exception {
        cli.signIn("at-1", "rt-1", 30);
        stub.on("POST", TOKEN_PATH, Tokens.tokenResponse("at-2", "rt-2", "alice@example.com"));

        TestCli.Result result = cli.call(context -> new TokenCommand(context).run());

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("at-2\n", result.out());
        assertEquals("rt-2", cli.storedCredentials().orElseThrow().refreshToken());
    }

    @ParameterizedTest(name = "a {0} s token with {1} s left is used as it is")
    @CsvSource({"300, 31", "20, 3", "5, 1"})
    void tokenIsUsedAsItIsUntilATenthOfItsLifetimeIsLeftAtMostThirtySeconds(long lifetime, long left) throws Exception {
        cli.signInJustIssued("at-1", "rt-1", lifetime);
        cli.clock.advance(Duration.ofSeconds(lifetime - left));

        TestCli.Result result = cli.call(context -> new TokenCommand(context).run());

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("at-1\n", result.out());
        assertEquals(List.of(), stub.requests());
    }

    @ParameterizedTest(name = "a {0} s token with {1} s left is refreshed")
    @CsvSource({"300, 30", "20, 2", "5, 0"})
    void tokenIsRefreshedOnceATenthOfItsLifetimeIsLeftAtMostThirtySeconds(long lifetime, long left) throws Exception {
        cli.signInJustIssued("at-1", "rt-1", lifetime);
        cli.clock.advance(Duration.ofSeconds(lifetime - left));
        stub.on("POST", TOKEN_PATH, Tokens.tokenResponse("at-2", "rt-2", "alice@example.com", lifetime));

        TestCli.Result result = cli.call(context -> new TokenCommand(context).run());

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("at-2\n", result.out());
        Credentials stored = cli.storedCredentials().orElseThrow();
        assertEquals("rt-2", stored.refreshToken());
        assertEquals(Duration.ofSeconds(lifetime), stored.accessTokenLifetime().orElseThrow());
    }

    @Test
    void tokenStoredWithoutItsIssueTimeIsRefreshedWithinThirtySeconds() throws Exception {
        cli.credentials()
                .save(
                        "default",
                        new Credentials(
                                cli.oauthEndpoint(),
                                "ticloud-cli",
                                "at-1",
                                "rt-1",
                                null,
                                0,
                                cli.clock.instant().getEpochSecond() + 30,
                                "openid project:read",
                                "alice@example.com"));
        stub.on("POST", TOKEN_PATH, Tokens.tokenResponse("at-2", "rt-2", "alice@example.com"));

        TestCli.Result result = cli.call(context -> new TokenCommand(context).run());

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("at-2\n", result.out());
    }

    @Test
    void refusedRefreshExitsFourAndAsksForALogin() throws Exception {
        cli.signIn("at-1", "rt-1", 0);
        stub.on("POST", TOKEN_PATH, Tokens.oauthError(400, "invalid_grant", "Session not active"));

        TestCli.Result result = cli.call(context -> new TokenCommand(context).run());

        assertEquals(4, result.exitCode());
        assertEquals("", result.out());
        assertEquals(
                "Your session has ended (invalid_grant (Session not active)): run `ticloud auth login`\n",
                result.err());
    }

    @Test
    void refreshWhileTheSignInServerIsUnreachableExitsOneNamingItAndKeepsTheSession() throws Exception {
        cli.env.put("TICLOUD_OAUTH_ENDPOINT", "http://127.0.0.1:1/realms/tidbcloud");
        cli.signIn("at-1", "rt-1", 0);

        TestCli.Result result = cli.call(context -> new TokenCommand(context).run());

        assertEquals(1, result.exitCode());
        assertEquals("", result.out());
        assertEquals(
                "Cannot reach the sign-in server (Keycloak) at http://127.0.0.1:1/realms/tidbcloud to refresh your"
                        + " access token: connection refused. Is it running? Try again when it is back.\n",
                result.err());
        assertEquals("rt-1", cli.storedCredentials().orElseThrow().refreshToken());
    }
}
