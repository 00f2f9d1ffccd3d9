package io.tidbcloud.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * `ticloud serverless` against the real cloud-api-service and tokens of the real Keycloak, as a
 * script sees it (no terminal): create and wait for ACTIVE, list over several pages and per project,
 * describe, update, delete with and without --force, the API's errors, and a sign-in that lacks
 * cluster:write.
 */
class ServerlessCommandsEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> CLUSTER_COLUMNS =
            List.of("ID", "DisplayName", "State", "Version", "CloudProvider", "Region", "CreateTime");
    /** The CLI reads lists 100 at a time: one more cluster than that makes it read a second page. */
    private static final int CLUSTERS_FOR_TWO_PAGES = 101;

    /**
     * Provisioning finishes within the CLI's first poll (2 s after the create) rather than after the
     * default 5 s, so waiting for ACTIVE takes one poll; a delete within a second.
     */
    @RegisterExtension
    static final CloudApiProcess cloudApi = new CloudApiProcess(Map.of(
            "TIDBCLOUD_API_PROVISIONING_CREATE_DELAY", "1S",
            "TIDBCLOUD_API_PROVISIONING_DELETE_DELAY", "1S",
            "TIDBCLOUD_API_PROVISIONING_POLL_INTERVAL", "200ms"));

    @TempDir
    Path tempDir;

    @Test
    void clustersAreCreatedListedDescribedUpdatedAndDeletedAsTheReadmeSays() throws Exception {
        TicloudCli ticloud = new TicloudCli(tempDir.resolve("ticloud"), cloudApi.baseUrl());
        DeviceLogin.signIn(ticloud, "google", "alice", "alice-pass");
        String defaultProject = JSON.readTree(
                        succeeds(ticloud, "project", "list", "-o", "json").stdout())
                .get("projects")
                .get(0)
                .get("id")
                .asText();

        // create without --no-wait, not on a terminal: plain progress lines, then the ACTIVE cluster
        TicloudCli.Result created = succeeds(ticloud, "serverless", "create", "-n", "e2e-first", "-r", "aws-us-east-1");
        List<Map<String, String>> createdRows = clusterTable(created.stdout());
        assertThat(createdRows).hasSize(1);
        String first = createdRows.get(0).get("ID");
        assertThat(first).matches("[0-9]+");
        assertThat(createdRows.get(0))
                .containsEntry("DisplayName", "e2e-first")
                .containsEntry("State", "ACTIVE")
                .containsEntry("Version", "v7.5.2")
                .containsEntry("CloudProvider", "aws")
                .containsEntry("Region", "N. Virginia (us-east-1)");
        assertThat(createdRows.get(0).get("CreateTime")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(created.stderr())
                .isEqualTo("Waiting for cluster " + first + " to become ACTIVE...\n" + "Cluster " + first
                        + " is ACTIVE.\n");

        // --no-wait: the API's CREATING cluster at once
        TicloudCli.Result noWait = succeeds(
                ticloud,
                "serverless",
                "create",
                "-n",
                "e2e-second",
                "-r",
                "regions/aws-us-east-1",
                "--no-wait",
                "-o",
                "json");
        JsonNode creating = JSON.readTree(noWait.stdout());
        String second = creating.get("clusterId").asText();
        assertThat(creating.get("state").asText()).isEqualTo("CREATING");
        assertThat(creating.get("displayName").asText()).isEqualTo("e2e-second");
        assertThat(creating.at("/region/regionId").asText()).isEqualTo("aws-us-east-1");
        assertThat(creating.at("/labels/tidb.cloud~1project").asText()).isEqualTo(defaultProject);
        assertThat(noWait.stderr()).isEmpty();

        // the table of one project, oldest first
        List<Map<String, String>> listed = clusterTable(
                succeeds(ticloud, "serverless", "list", "-p", defaultProject).stdout());
        assertThat(listed).extracting(row -> row.get("ID")).containsExactly(first, second);
        assertThat(listed.get(0)).containsEntry("DisplayName", "e2e-first").containsEntry("State", "ACTIVE");
        assertThat(listed.get(1)).containsEntry("DisplayName", "e2e-second");

        // a second project with more clusters than one page holds (all but one made through the API: cheaper)
        String accessToken = JSON.readTree(Files.readString(ticloud.configDir().resolve("credentials.json")))
                .at("/default/access_token")
                .asText();
        String otherProject = post(accessToken, "/v1beta1/projects", "{\"name\":\"e2e-paging\"}")
                .get("id")
                .asText();
        JsonNode inOther = JSON.readTree(succeeds(
                        ticloud,
                        "serverless",
                        "create",
                        "-n",
                        "e2e-third",
                        "-r",
                        "aws-us-east-1",
                        "-p",
                        otherProject,
                        "--no-wait",
                        "-o",
                        "json")
                .stdout());
        assertThat(inOther.at("/labels/tidb.cloud~1project").asText()).isEqualTo(otherProject);
        Set<String> otherClusters =
                new HashSet<>(Set.of(inOther.get("clusterId").asText()));
        for (int i = otherClusters.size(); i < CLUSTERS_FOR_TWO_PAGES; i++) {
            otherClusters.add(post(
                            accessToken,
                            "/v1beta1/clusters",
                            "{\"displayName\":\"page-" + i
                                    + "\",\"region\":{\"name\":\"regions/gcp-us-central1\"},\"labels\":{\"tidb.cloud/project\":\""
                                    + otherProject + "\"}}")
                    .get("clusterId")
                    .asText());
        }

        // -o json reads every page: all clusters, the API's totalSize; -p narrows to one project
        Set<String> everyCluster = new HashSet<>(otherClusters);
        everyCluster.addAll(List.of(first, second));
        assertThat(listedIds(ticloud)).isEqualTo(everyCluster);
        assertThat(listedIds(ticloud, "-p", otherProject)).isEqualTo(otherClusters);
        assertThat(clusterTable(succeeds(ticloud, "serverless", "list").stdout()))
                .extracting(row -> row.get("ID"))
                .containsExactlyInAnyOrderElementsOf(everyCluster);

        // project list counts them
        Map<String, Map<String, String>> projects = new LinkedHashMap<>();
        for (Map<String, String> row : table(
                succeeds(ticloud, "project", "list").stdout(),
                List.of("ID", "Name", "ClusterCount", "UserCount", "OrgID"))) {
            projects.put(row.get("ID"), row);
        }
        assertThat(projects.keySet()).containsExactlyInAnyOrder(defaultProject, otherProject);
        assertThat(projects.get(defaultProject))
                .containsEntry("Name", "default")
                .containsEntry("ClusterCount", "2");
        assertThat(projects.get(otherProject))
                .containsEntry("Name", "e2e-paging")
                .containsEntry("ClusterCount", Integer.toString(CLUSTERS_FOR_TWO_PAGES));

        // describe: field by field, and the API's object
        TicloudCli.Result described = succeeds(ticloud, "serverless", "describe", "-c", first);
        assertThat(described.stdout())
                .contains(
                        "ID:            " + first + "\n",
                        "DisplayName:   e2e-first\n",
                        "State:         ACTIVE\n",
                        "Version:       v7.5.2\n",
                        "CloudProvider: aws\n",
                        "Region:        N. Virginia (us-east-1)\n",
                        "Project:       " + defaultProject + "\n",
                        "Endpoint:      gateway01.us-east-1.prod.aws.tidbcloud.com:4000\n",
                        "CreatedBy:     alice@example.com\n");
        assertThat(described.stdout()).containsPattern("(?m)^UserPrefix: +\\S+$");
        assertThat(described.stderr()).isEmpty();
        JsonNode describedJson = describeJson(ticloud, first);
        assertThat(describedJson.get("name").asText()).isEqualTo("clusters/" + first);
        assertThat(describedJson.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(describedJson.at("/endpoints/public/port").asInt()).isEqualTo(4000);

        // update: a new name, then new labels (the project label stays, derived from where it lives)
        TicloudCli.Result renamed = succeeds(ticloud, "serverless", "update", "-c", first, "-n", "e2e-renamed");
        assertThat(clusterTable(renamed.stdout()))
                .singleElement()
                .satisfies(
                        row -> assertThat(row).containsEntry("ID", first).containsEntry("DisplayName", "e2e-renamed"));
        succeeds(ticloud, "serverless", "update", "-c", first, "--labels", "{\"env\":\"dev\"}");
        JsonNode updated = describeJson(ticloud, first);
        assertThat(updated.get("displayName").asText()).isEqualTo("e2e-renamed");
        assertThat(updated.at("/labels/env").asText()).isEqualTo("dev");
        assertThat(updated.at("/labels/tidb.cloud~1project").asText()).isEqualTo(defaultProject);

        // update with both changes, or none: a usage error, nothing sent
        TicloudCli.Result both = ticloud.run("serverless", "update", "-c", first, "-n", "e2e-both", "--labels", "{}");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.stdout()).isEmpty();
        assertThat(both.stderr()).contains("mutually exclusive");
        TicloudCli.Result neither = ticloud.run("serverless", "update", "-c", first);
        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.stdout()).isEmpty();
        assertThat(neither.stderr()).contains("Missing required argument");

        // delete: refused without --force when nobody can be asked; the cluster stays
        TicloudCli.Result refused = ticloud.run("serverless", "delete", "-c", first);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stdout()).isEmpty();
        assertThat(refused.stderr())
                .isEqualTo("Refusing to delete cluster " + first
                        + " without confirmation: not a terminal. Add --force to delete it.\n");
        JsonNode kept = describeJson(ticloud, first);
        assertThat(kept.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(kept.get("displayName").asText())
                .as("unchanged by the usage errors")
                .isEqualTo("e2e-renamed");

        TicloudCli.Result deleted = succeeds(ticloud, "serverless", "delete", "-c", first, "--force");
        assertThat(deleted.stdout()).isEmpty();
        assertThat(deleted.stderr()).isEqualTo("Deleting cluster " + first + ": it is DELETING.\n");
        TicloudCli.Result gone = awaitGone(ticloud, first, Duration.ofSeconds(20));
        assertThat(gone.stdout()).isEmpty();
        assertThat(gone.stderr()).isEqualTo("The API answered HTTP 404: Cluster " + first + " not found\n");
        assertThat(listedIds(ticloud, "-p", defaultProject)).containsExactly(second);

        // bad input: the API's own message, exit 1, nothing on stdout
        TicloudCli.Result nowhere = ticloud.run("serverless", "create", "-n", "e2e-nowhere", "-r", "mars-north-1");
        assertThat(nowhere.exitCode()).isEqualTo(1);
        assertThat(nowhere.stdout()).isEmpty();
        assertThat(nowhere.stderr())
                .isEqualTo("The API answered HTTP 400: region.name 'regions/mars-north-1' "
                        + "is not a region this API offers (see GET /v1beta1/regions)\n");
        TicloudCli.Result unknown = ticloud.run("serverless", "describe", "-c", "1234567890123456789");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.stdout()).isEmpty();
        assertThat(unknown.stderr()).isEqualTo("The API answered HTTP 404: Cluster 1234567890123456789 not found\n");

        succeeds(ticloud, "auth", "logout");
    }

    @Test
    void createWithASignInWithoutClusterWriteExitsFourNamingTheScopeAndCreatesNothing() throws Exception {
        TicloudCli ticloud = new TicloudCli(tempDir.resolve("ticloud"), cloudApi.baseUrl());
        DeviceLogin.signIn(ticloud, "google", "alice", "alice-pass", "--scopes", "project:read,cluster:read");
        assertThat(JSON.readTree(succeeds(ticloud, "auth", "status", "-o", "json")
                                .stdout())
                        .get("scopes")
                        .toString())
                .contains("cluster:read")
                .doesNotContain("cluster:write");

        TicloudCli.Result create = ticloud.run("serverless", "create", "-n", "e2e-denied", "-r", "aws-us-east-1");

        assertThat(create.exitCode()).isEqualTo(4);
        assertThat(create.stdout()).isEmpty();
        assertThat(create.stderr())
                .isEqualTo("Your sign-in does not grant the scope cluster:write that this needs: "
                        + "run `ticloud auth login` and allow it.\n");
        // reading is granted, and shows that nothing was created
        JsonNode clusters = JSON.readTree(
                        succeeds(ticloud, "serverless", "list", "-o", "json").stdout())
                .get("clusters");
        assertThat(clusters)
                .noneSatisfy(cluster ->
                        assertThat(cluster.get("displayName").asText()).isEqualTo("e2e-denied"));

        succeeds(ticloud, "auth", "logout");
    }

    private static TicloudCli.Result succeeds(TicloudCli ticloud, String... args) throws Exception {
        TicloudCli.Result result = ticloud.run(args);
        assertThat(result.exitCode())
                .as("ticloud %s: %s", String.join(" ", args), result.stderr())
                .isZero();
        return result;
    }

    private static JsonNode describeJson(TicloudCli ticloud, String clusterId) throws Exception {
        return JSON.readTree(succeeds(ticloud, "serverless", "describe", "-c", clusterId, "-o", "json")
                .stdout());
    }

    /** The ids of `serverless list -o json`, checked against the totalSize it prints. */
    private static Set<String> listedIds(TicloudCli ticloud, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("serverless", "list", "-o", "json"));
        args.addAll(List.of(options));
        JsonNode listed =
                JSON.readTree(succeeds(ticloud, args.toArray(String[]::new)).stdout());
        List<String> ids = new ArrayList<>();
        listed.get("clusters")
                .forEach(cluster -> ids.add(cluster.get("clusterId").asText()));
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(listed.get("totalSize").asLong()).isEqualTo(ids.size());
        return new HashSet<>(ids);
    }

    /** Deletion finishes in the background (1 s here): polls `describe` until it fails, and returns that failure. */
    private static TicloudCli.Result awaitGone(TicloudCli ticloud, String clusterId, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            TicloudCli.Result describe = ticloud.run("serverless", "describe", "-c", clusterId, "-o", "json");
            if (describe.exitCode() != 0) {
                assertThat(describe.exitCode()).isEqualTo(1);
                return describe;
            }
            assertThat(JSON.readTree(describe.stdout()).get("state").asText()).isEqualTo("DELETING");
            if (System.nanoTime() > deadline) {
                throw new AssertionError("cluster " + clusterId + " still there after " + within);
            }
            Thread.sleep(200);
        }
    }

    private static List<Map<String, String>> clusterTable(String stdout) {
        return table(stdout, CLUSTER_COLUMNS);
    }

    /**
     * The rows of a ticloud table, each as column name to cell; checks that the header has exactly
     * these columns, in this order. Cells start where their column's name starts.
     */
    private static List<Map<String, String>> table(String stdout, List<String> columns) {
        List<String> lines = stdout.lines().toList();
        assertThat(lines).as(stdout).isNotEmpty();
        String header = lines.get(0);
        assertThat(header.split(" +")).as("columns").containsExactlyElementsOf(columns);
        int[] starts = new int[columns.size()];
        for (int i = 0, from = 0; i < columns.size(); i++) {
            starts[i] = header.indexOf(columns.get(i), from);
            from = starts[i] + columns.get(i).length();
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                int end = i + 1 < columns.size() ? Math.min(starts[i + 1], line.length()) : line.length();
                row.put(
                        columns.get(i),
                        starts[i] < line.length()
                                ? line.substring(starts[i], end).strip()
                                : "");
            }
            rows.add(row);
        }
        return rows;
    }

    /** A call made straight to the API with the CLI's token, for set-up the CLI has no command for. */
    private static JsonNode post(String accessToken, String path, String json) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(cloudApi.baseUrl() + path))
                        .header("Authorization", "Bearer " + accessToken)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("POST " + path + ": " + response.body())
                .isEqualTo(201);
        return JSON.readTree(response.body());
    }
}
