package io.tidbcloud.cli.serverless;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tidbcloud.cli.output.OutputFormat;
import io.tidbcloud.cli.testing.HttpStub;
import io.tidbcloud.cli.testing.HttpStub.Response;
import io.tidbcloud.cli.testing.TestCli;
import io.tidbcloud.cli.testing.Tokens;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerlessCommandTest {

    private static final String CLUSTERS = "/v1beta1/clusters";

    @RegisterExtension
    final TestCli cli = TestCli.withStub();

    private TestCli.Result list(ClusterListCommand.Options options) {
        return cli.call(context -> new ClusterListCommand(context).run(options));
    }

    private TestCli.Result create(ClusterCreateCommand.Options options) {
        return cli.call(context -> new ClusterCreateCommand(context).run(options));
    }

    private TestCli.Result describe(ClusterDescribeCommand.Options options) {
        return cli.call(context -> new ClusterDescribeCommand(context).run(options));
    }

    private TestCli.Result delete(ClusterDeleteCommand.Options options) {
        return cli.call(context -> new ClusterDeleteCommand(context).run(options));
    }

    private final HttpStub stub = cli.stub;

    @BeforeEach
    void signInBeforeEachCommand() throws Exception {
        cli.signIn("at-1", "rt-1", 300);
    }

    static String cluster(String id, String name, String state) {
        return """
                {"name":"clusters/%1$s","clusterId":"%1$s","displayName":"%2$s",\
                "region":{"name":"regions/aws-us-east-1","regionId":"aws-us-east-1","cloudProvider":"aws",\
                "displayName":"N. Virginia (us-east-1)"},"state":"%3$s","version":"v7.5.2",\
                "createdBy":"alice@example.com","labels":{"tidb.cloud/project":"100"},\
                "createTime":"2026-01-01T00:00:00Z","updateTime":"2026-01-01T00:00:00Z"}""".formatted(id, name, state);
    }

    private static Response page(String next, int total, String... clusters) {
        return Response.json(
                200,
                "{\"clusters\":[" + String.join(",", clusters) + "],\"nextPageToken\":\"" + next + "\",\"totalSize\":"
                        + total + "}");
    }

    @Test
    void listFetchesEveryPageAndPrintsTicloudsColumns() {
        stub.on(
                "GET",
                CLUSTERS,
                page("t2", 2, cluster("1", "db-one", "ACTIVE")),
                page("", 2, cluster("2", "db-two", "CREATING")));

        TestCli.Result result = cli.run("serverless", "list");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("""
                ID  DisplayName  State     Version  CloudProvider  Region                   CreateTime
                1   db-one       ACTIVE    v7.5.2   aws            N. Virginia (us-east-1)  2026-01-01T00:00:00Z
                2   db-two       CREATING  v7.5.2   aws            N. Virginia (us-east-1)  2026-01-01T00:00:00Z
                """, result.out());
        assertEquals("", result.err());
        assertEquals(
                List.of(Map.of("pageSize", "100"), Map.of("pageSize", "100", "pageToken", "t2")),
                stub.requests().stream().map(HttpStub.Request::queryParameters).toList());
    }

    @Test
    void listOfOneProjectAsJsonHasClustersAndTotalSize() {
        stub.on("GET", CLUSTERS, page("", 1, cluster("1", "db-one", "ACTIVE")));

        TestCli.Result result = list(new ClusterListCommand.Options("100", OutputFormat.json));

        assertEquals(0, result.exitCode(), result.err());
        assertEquals(
                Map.of("pageSize", "100", "project_id", "100"),
                stub.requests().get(0).queryParameters());
        assertEquals(
                true,
                result.out().startsWith("{\n  \"clusters\": [\n    {\n      \"name\": \"clusters/1\","),
                result.out());
        assertEquals(true, result.out().endsWith("  ],\n  \"totalSize\": 1\n}\n"), result.out());
    }

    @Test
    void createWaitsUntilActiveAndSaysSoOnStderrWhenNotOnATerminal() {
        stub.on("POST", CLUSTERS, Response.json(201, cluster("7", "db", "CREATING")));
        stub.on(
                "GET",
                CLUSTERS + "/7",
                Response.json(200, cluster("7", "db", "CREATING")),
                Response.json(200, cluster("7", "db", "ACTIVE")));

        TestCli.Result result =
                create(new ClusterCreateCommand.Options("db", "aws-us-east-1", "100", false, OutputFormat.human));

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("Waiting for cluster 7 to become ACTIVE...\nCluster 7 is ACTIVE.\n", result.err());
        assertEquals("""
                ID  DisplayName  State   Version  CloudProvider  Region                   CreateTime
                7   db           ACTIVE  v7.5.2   aws            N. Virginia (us-east-1)  2026-01-01T00:00:00Z
                """, result.out());
        assertEquals(
                "{\"displayName\":\"db\",\"region\":{\"name\":\"regions/aws-us-east-1\"},"
                        + "\"labels\":{\"tidb.cloud/project\":\"100\"}}",
                stub.requests("POST", CLUSTERS).get(0).body());
        assertEquals("application/json", stub.requests("POST", CLUSTERS).get(0).header("Content-type"));
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(2)), cli.clock.sleeps());
    }

    @Test
    void createOutlivingAShortLivedAccessTokenRefreshesItOnceWhenItIsDue() throws Exception {
        // Tokens that live 20 s are due 2 s before they expire: the one issued at 0 s at 18 s, its successor at 36 s.
        cli.signInJustIssued("at-1", "rt-1", 20);
        stub.on(
                "POST",
                "/realms/tidbcloud/protocol/openid-connect/token",
                Tokens.tokenResponse("at-2", "rt-2", "alice@example.com", 20));
        stub.on("POST", CLUSTERS, Response.json(201, cluster("7", "db", "CREATING")));
        for (int second = 2; second < 30; second += 2) {
            stub.on("GET", CLUSTERS + "/7", Response.json(200, cluster("7", "db", "CREATING")));
        }
        stub.on("GET", CLUSTERS + "/7", Response.json(200, cluster("7", "db", "ACTIVE")));

        TestCli.Result result =
                create(new ClusterCreateCommand.Options("db", "aws-us-east-1", null, false, OutputFormat.human));

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("Waiting for cluster 7 to become ACTIVE...\nCluster 7 is ACTIVE.\n", result.err());
        List<String> bearers = stub.requests().stream()
                .filter(request -> request.path().startsWith(CLUSTERS))
                .map(request -> request.header("Authorization"))
                .toList();
        // the create and the polls at 2..16 s with the first token; from 18 s to ACTIVE at 30 s with the second
        assertEquals(Collections.nCopies(9, "Bearer at-1"), bearers.subList(0, 9));
        assertEquals(Collections.nCopies(7, "Bearer at-2"), bearers.subList(9, bearers.size()));
        assertEquals("rt-2", cli.storedCredentials().orElseThrow().refreshToken());
    }

    @Test
    void createWithNoWaitReturnsTheCreatingClusterAsJson() {
        stub.on("POST", CLUSTERS, Response.json(201, cluster("7", "db", "CREATING")));

        TestCli.Result result = create(
                new ClusterCreateCommand.Options("db", "regions/gcp-us-central1", null, true, OutputFormat.json));

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("", result.err());
        assertEquals(true, result.out().contains("\"state\": \"CREATING\""), result.out());
        assertEquals(
                "{\"displayName\":\"db\",\"region\":{\"name\":\"regions/gcp-us-central1\"}}",
                stub.requests("POST", CLUSTERS).get(0).body());
    }

    @Test
    void createThatEndsInAnotherStateFailsWithExitOne() {
        stub.on("POST", CLUSTERS, Response.json(201, cluster("7", "db", "CREATING")));
        stub.on("GET", CLUSTERS + "/7", Response.json(200, cluster("7", "db", "DELETING")));

        TestCli.Result result =
                create(new ClusterCreateCommand.Options("db", "aws-us-east-1", null, false, OutputFormat.human));

        assertEquals(1, result.exitCode());
        assertEquals("", result.out());
        assertEquals(
                "Waiting for cluster 7 to become ACTIVE...\nCluster 7 is DELETING.\n"
                        + "Cluster 7 did not become ACTIVE: it is DELETING.\n",
                result.err());
    }

    @Test
    void createWithAnUnknownRegionShowsTheApisMessage() {
        stub.on(
                "POST",
                CLUSTERS,
                Response.json(
                        400, "{\"code\":3,\"message\":\"region.name: unknown region regions/mars-1\",\"details\":[]}"));

        TestCli.Result result =
                create(new ClusterCreateCommand.Options("db", "mars-1", null, false, OutputFormat.human));

        assertEquals(1, result.exitCode());
        assertEquals("The API answered HTTP 400: region.name: unknown region regions/mars-1\n", result.err());
    }

    @Test
    void describeShowsTheClusterFieldByField() {
        stub.on(
                "GET",
                CLUSTERS + "/7",
                Response.json(
                        200,
                        cluster("7", "db", "ACTIVE")
                                .replace(
                                        "\"labels\"",
                                        "\"userPrefix\":\"3xk9\",\"endpoints\":{\"public\":{\"host\":"
                                                + "\"gateway01.us-east-1.example.com\",\"port\":4000}},\"labels\"")));

        TestCli.Result result = describe(new ClusterDescribeCommand.Options("7", OutputFormat.human));

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("""
                ID:            7
                DisplayName:   db
                State:         ACTIVE
                Version:       v7.5.2
                CloudProvider: aws
                Region:        N. Virginia (us-east-1)
                Project:       100
                Endpoint:      gateway01.us-east-1.example.com:4000
                UserPrefix:    3xk9
                CreatedBy:     alice@example.com
                CreateTime:    2026-01-01T00:00:00Z
                UpdateTime:    2026-01-01T00:00:00Z
                """, result.out());
    }

    @Test
    void describeOfAClusterThatIsNotYoursSaysNotFound() {
        stub.on(
                "GET",
                CLUSTERS + "/9",
                Response.json(404, "{\"code\":5,\"message\":\"Cluster 9 not found\",\"details\":[]}"));

        TestCli.Result result = describe(new ClusterDescribeCommand.Options("9", OutputFormat.json));

        assertEquals(1, result.exitCode());
        assertEquals("", result.out());
        assertEquals("The API answered HTTP 404: Cluster 9 not found\n", result.err());
    }

    @ParameterizedTest(name = "update {0} sends {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "-n|renamed|{\"displayName\":\"renamed\"}",
                "--labels|{\"team\":\"data\",\"tidb.cloud/project\":\"100\"}|{\"labels\":{\"team\":\"data\",\"tidb.cloud/project\":\"100\"}}",
            })
    void updateSendsOnlyTheChangedField(String option, String value, String body) {
        stub.on("PATCH", CLUSTERS + "/7", Response.json(200, cluster("7", "renamed", "ACTIVE")));

        TestCli.Result result = cli.run("serverless", "update", "-c", "7", option, value);

        assertEquals(0, result.exitCode(), result.err());
        assertEquals(body, stub.requests("PATCH", CLUSTERS + "/7").get(0).body());
        assertEquals(true, result.out().contains("7   renamed      ACTIVE"), result.out());
    }

    @Test
    void deleteWithForceDeletesWithoutAsking() {
        stub.on("DELETE", CLUSTERS + "/7", Response.json(200, cluster("7", "db", "DELETING")));

        TestCli.Result result = delete(new ClusterDeleteCommand.Options("7", true, OutputFormat.human));

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("", result.out());
        assertEquals("Deleting cluster 7: it is DELETING.\n", result.err());
    }

    @Test
    void deleteWithoutForceRefusesWhenNotOnATerminal() {
        TestCli.Result result = delete(new ClusterDeleteCommand.Options("7", false, OutputFormat.human));

        assertEquals(1, result.exitCode());
        assertEquals(
                "Refusing to delete cluster 7 without confirmation: not a terminal. Add --force to delete it.\n",
                result.err());
        assertEquals(List.of(), stub.requests());
    }

    @ParameterizedTest(name = "answer ''{0}'' on a terminal: exit {1}")
    @CsvSource(
            delimiter = '|',
            value = {"y|0", "yes|0", "n|1", "''|1"})
    void deleteOnATerminalAsksFirst(String answer, int exitCode) {
        cli.interactive = true;
        cli.stdin = answer + "\n";
        stub.on("GET", CLUSTERS + "/7", Response.json(200, cluster("7", "db", "ACTIVE")));
        if (exitCode == 0) {
            stub.on("DELETE", CLUSTERS + "/7", Response.json(200, cluster("7", "db", "DELETING")));
        }

        TestCli.Result result = delete(new ClusterDeleteCommand.Options("7", false, OutputFormat.human));

        assertEquals(exitCode, result.exitCode(), result.err());
        assertEquals(
                "Delete cluster 7 (db)? This cannot be undone. [y/N] "
                        + (exitCode == 0 ? "Deleting cluster 7: it is DELETING.\n" : "Not deleted.\n"),
                result.err());
    }

    @Test
    void missingClusterWriteScopeExitsFourAndSaysWhichScope() {
        stub.on(
                "DELETE",
                CLUSTERS + "/7",
                Response.json(403, "{\"code\":7,\"message\":\"forbidden\",\"details\":[]}")
                        .withHeader(
                                "WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"cluster:write\""));

        TestCli.Result result = delete(new ClusterDeleteCommand.Options("7", true, OutputFormat.human));

        assertEquals(4, result.exitCode());
        assertEquals(
                "Your sign-in does not grant the scope cluster:write that this needs: run `ticloud auth login` "
                        + "and allow it.\n",
                result.err());
    }
}
