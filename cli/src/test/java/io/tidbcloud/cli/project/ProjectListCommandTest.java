package io.tidbcloud.cli.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tidbcloud.cli.credentials.Credentials;
import io.tidbcloud.cli.output.OutputFormat;
import io.tidbcloud.cli.testing.HttpStub;
import io.tidbcloud.cli.testing.HttpStub.Response;
import io.tidbcloud.cli.testing.TestCli;
import io.tidbcloud.cli.testing.Tokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProjectListCommandTest {

    private static final String PROJECTS = "/v1beta1/projects";
    private static final String TOKEN_PATH = "/realms/tidbcloud/protocol/openid-connect/token";
    private static final String DEFAULT_PROJECT = """
            {"id":"1372813089454534656","name":"default","org_id":"1372813089454525346","cluster_count":2,\
            "user_count":1,"create_timestamp":"1656991448"}""";
    private static final String STAGING_PROJECT = """
            {"id":"1372813089454534700","name":"staging","org_id":"1372813089454525346","cluster_count":0,\
            "user_count":12,"create_timestamp":"1656991500"}""";

    @RegisterExtension
    final TestCli cli = TestCli.withStub();

    private TestCli.Result list(OutputFormat output) {
        return cli.call(context -> new ProjectListCommand(context).run(new ProjectListCommand.Options(output)));
    }

    private final HttpStub stub = cli.stub;

    private static Response page(String nextPageToken, int totalSize, String... projects) {
        return Response.json(
                200,
                "{\"projects\":[" + String.join(",", projects) + "],\"nextPageToken\":\"" + nextPageToken
                        + "\",\"totalSize\":" + totalSize + "}");
    }

    private static Response unauthorized() {
        return Response.json(401, "{\"code\":16,\"message\":\"invalid token\",\"details\":[]}")
                .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }

    @Test
    void jsonOutputHasTheProjectsOfEveryPageAsTheApiSentThem() throws Exception {
        cli.signIn("at-1", "rt-1", 300);
        stub.on("GET", PROJECTS, page("2", 2, DEFAULT_PROJECT), page("", 2, STAGING_PROJECT));

        TestCli.Result result = cli.run("project", "list", "-o", "json");

        assertEquals(0, result.exitCode());
        assertEquals("", result.err());
        assertEquals("""
                {
                  "projects": [
                    {
                      "id": "1372813089454534656",
                      "name": "default",
                      "org_id": "1372813089454525346",
                      "cluster_count": 2,
                      "user_count": 1,
                      "create_timestamp": "1656991448"
                    },
                    {
                      "id": "1372813089454534700",
                      "name": "staging",
                      "org_id": "1372813089454525346",
                      "cluster_count": 0,
                      "user_count": 12,
                      "create_timestamp": "1656991500"
                    }
                  ]
                }
                """, result.out());
        List<HttpStub.Request> requests = stub.requests();
        assertEquals(
                List.of(Map.of("pageSize", "100"), Map.of("pageSize", "100", "pageToken", "2")),
                requests.stream().map(HttpStub.Request::queryParameters).toList());
        assertEquals("Bearer at-1", requests.get(0).header("Authorization"));
        stub.verifyAllUsed();
    }

    @Test
    void humanOutputIsATableWithTicloudsColumns() throws Exception {
        cli.signIn("at-1", "rt-1", 300);
        stub.on("GET", PROJECTS, page("", 2, DEFAULT_PROJECT, STAGING_PROJECT));

        TestCli.Result result = list(OutputFormat.human);

        assertEquals(0, result.exitCode());
        assertEquals("""
                ID                   Name     ClusterCount  UserCount  OrgID
                1372813089454534656  default  2             1          1372813089454525346
                1372813089454534700  staging  0             12         1372813089454525346
                """, result.out());
        stub.verifyAllUsed();
    }

    @Test
    void emptyListPrintsAnEmptyJsonArray() throws Exception {
        cli.signIn("at-1", "rt-1", 300);
        stub.on("GET", PROJECTS, page("", 0));

        TestCli.Result result = list(OutputFormat.json);

        assertEquals("{\n  \"projects\": []\n}\n", result.out());
    }

    @Test
    void listingStopsOnceTotalSizeIsReadEvenWithANextPageToken() throws Exception {
        cli.signIn("at-1", "rt-1", 300);
        stub.on("GET", PROJECTS, page("2", 1, DEFAULT_PROJECT));

        assertEquals(0, list(OutputFormat.json).exitCode());
        stub.verifyAllUsed();
    }

    @Test
    void notSignedInExitsFourAndSaysHowToSignIn() {
        TestCli.Result result = list(OutputFormat.human);

        assertEquals(4, result.exitCode());
        assertEquals("", result.out());
        assertEquals("Not signed in: run `ticloud auth login`\n", result.err());
        assertEquals(List.of(), stub.requests());
    }

    @Test
    void tokenExpiringWithinThirtySecondsIsRefreshedAndTheRotatedRefreshTokenStored() throws Exception {
        cli.signIn("at-old", "rt-old", 29);
        stub.on("POST", TOKEN_PATH, Tokens.tokenResponse("at-new", "rt-new", "alice@example.com"));
        stub.on("GET", PROJECTS, page("", 1, DEFAULT_PROJECT));

        assertEquals(0, list(OutputFormat.human).exitCode());

        assertEquals(
                Map.of("grant_type", "refresh_token", "refresh_token", "rt-old", "client_id", "ticloud-cli"),
                stub.requests("POST", TOKEN_PATH).get(0).form());
        assertEquals("Bearer at-new", stub.requests("GET", PROJECTS).get(0).header("Authorization"));
        Credentials stored = cli.storedCredentials().orElseThrow();
        assertEquals("at-new", stored.accessToken());
        assertEquals("rt-new", stored.refreshToken());
        assertEquals(cli.clock.instant().plusSeconds(300).getEpochSecond(), stored.expiresAt());
        stub.verifyAllUsed();
    }

    @Test
    void tokenWithMoreThanThirtySecondsLeftIsUsedAsIs() throws Exception {
        cli.signIn("at-1", "rt-1", 31);
        stub.on("GET", PROJECTS, page("", 1, DEFAULT_PROJECT));

        assertEquals(0, list(OutputFormat.human).exitCode());
        stub.verifyAllUsed();
    }

    @Test
    void apiRejectingTheTokenIsRetriedOnceWithARefreshedOne() throws Exception {
        cli.signIn("at-revoked", "rt-1", 300);
        stub.on("GET", PROJECTS, unauthorized(), page("", 1, DEFAULT_PROJECT));
        stub.on("POST", TOKEN_PATH, Tokens.tokenResponse("at-2", "rt-2", "alice@example.com"));

        assertEquals(0, list(OutputFormat.human).exitCode());

        assertEquals("Bearer at-2", stub.requests("GET", PROJECTS).get(1).header("Authorization"));
        stub.verifyAllUsed();
    }

    @Test
    void apiRejectingTheRefreshedTokenTooExitsFour() throws Exception {
        cli.signIn("at-1", "rt-1", 300);
        stub.on("GET", PROJECTS, unauthorized(), unauthorized());
        stub.on("POST", TOKEN_PATH, Tokens.tokenResponse("at-2", "rt-2", "alice@example.com"));

        TestCli.Result result = list(OutputFormat.human);

        assertEquals(4, result.exitCode());
        assertEquals("The API rejected your access token (invalid token): run `ticloud auth login`\n", result.err());
        stub.verifyAllUsed();
    }

    @Test
    void refreshTokenRefusedBecauseTheSessionEndedExitsFour() throws Exception {
        cli.signIn("at-1", "rt-1", 10);
        stub.on("POST", TOKEN_PATH, Tokens.oauthError(400, "invalid_grant", "Session not active"));

        TestCli.Result result = list(OutputFormat.human);

        assertEquals(4, result.exitCode());
        assertEquals(
                "Your session has ended (invalid_grant (Session not active)): run `ticloud auth login`\n",
                result.err());
        stub.verifyAllUsed();
    }

    @Test
    void tokensFromAnotherAuthorizationServerAreNeverSent() throws Exception {
        cli.signIn("at-1", "rt-1", 300);
        cli.env.put("TICLOUD_OAUTH_ENDPOINT", "http://elsewhere.example/realms/tidbcloud");

        TestCli.Result result = list(OutputFormat.human);

        assertEquals(4, result.exitCode());
        assertEquals(
                "Not signed in at http://elsewhere.example/realms/tidbcloud (signed in at " + stub.base()
                        + "/realms/tidbcloud): run `ticloud auth login`\n",
                result.err());
        assertEquals(List.of(), stub.requests());
    }

    @Test
    void apiErrorExitsOneWithTheApiMessage() throws Exception {
        cli.signIn("at-1", "rt-1", 300);
        stub.on(
                "GET",
                PROJECTS,
                Response.json(403, "{\"code\":7,\"message\":\"missing scope project:read\",\"details\":[]}"));

        TestCli.Result result = list(OutputFormat.human);

        assertEquals(1, result.exitCode());
        assertEquals("The API answered HTTP 403: missing scope project:read\n", result.err());
    }

    @Test
    void unreachableApiExitsOneNamingIt() throws Exception {
        cli.env.put("TICLOUD_API_ENDPOINT", "http://127.0.0.1:1");
        cli.signIn("at-1", "rt-1", 300);

        TestCli.Result result = list(OutputFormat.human);

        assertEquals(1, result.exitCode());
        assertEquals("Cannot reach the API at http://127.0.0.1:1. Is it running?\n", result.err());
    }
}
