package io.tidbcloud.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidbcloud.testsupport.KeycloakAdmin;
import io.tidbcloud.testsupport.TestClient;
import io.tidbcloud.testsupport.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cluster lifecycle across a restart: an instance goes down with work in flight (its worker
 * off, as if the process died right after answering), and a new instance on the same database
 * finishes it: the cluster left CREATING becomes ACTIVE with its endpoint, the one left DELETING
 * is gone. Two real processes, so the test needs no other test to have run first. And the same
 * with the instance killed (SIGKILL) right after a create's 201 and with creates in flight: after the
 * restart each cluster is there and becomes ACTIVE, or is absent; none stays CREATING, none is twice.
 */
class ClusterRestartEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Short provisioning, so that "well past the delay" is seconds. */
    private static final Map<String, String> QUICK = Map.of(
            "TIDBCLOUD_API_PROVISIONING_CREATE_DELAY", "1S",
            "TIDBCLOUD_API_PROVISIONING_DELETE_DELAY", "1S");

    private static KeycloakAdmin admin;
    private static TestClient erin;

    @BeforeAll
    static void createClient() {
        admin = KeycloakAdmin.fromEnvironment();
        erin = admin.createServiceClient("restart-erin", "cluster:read", "cluster:write");
    }

    @AfterAll
    static void deleteClient() {
        if (admin != null) {
            admin.close();
        }
    }

    @Test
    void workLeftInFlightByAStoppedInstanceIsFinishedByTheNextOneOnTheSameDatabase() throws Exception {
        String database = TestDatabase.create("e2e_cluster_restart").jdbcUrl();
        String token = erin.token("cluster:read", "cluster:write");
        String creating;
        String deleting;

        Map<String, String> workerDown = new java.util.HashMap<>(QUICK);
        workerDown.put(ServiceProcess.DATABASE_URL, database);
        workerDown.put("TIDBCLOUD_API_PROVISIONING_POLL_INTERVAL", "off");
        try (ServiceProcess first = ServiceProcess.start("cloud-api-service", workerDown)) {
            creating = create(first, token, "resume-create");
            deleting = create(first, token, "resume-delete");
            assertThat(send(first, token, "DELETE", "/v1beta1/clusters/" + deleting)
                            .path("state")
                            .asText())
                    .isEqualTo("DELETING");

            Thread.sleep(2_500); // well past the 1 s delays: only a worker would move them on
            assertThat(state(first, token, creating)).isEqualTo("CREATING");
            assertThat(state(first, token, deleting)).isEqualTo("DELETING");
        }

        Map<String, String> restarted = new java.util.HashMap<>(QUICK);
        restarted.put(ServiceProcess.DATABASE_URL, database);
        try (ServiceProcess second = ServiceProcess.start("cloud-api-service", restarted)) {
            await("the cluster left CREATING is ACTIVE", () -> "ACTIVE".equals(state(second, token, creating)));
            JsonNode active = send(second, token, "GET", "/v1beta1/clusters/" + creating);
            assertThat(active.path("endpoints").path("public").path("host").asText())
                    .isEqualTo("gateway01.eu-central-1.prod.aws.tidbcloud.com");
            assertThat(active.path("endpoints").path("public").path("port").asInt())
                    .isEqualTo(4000);
            assertThat(active.path("userPrefix").asText()).matches("[A-Za-z0-9]{15}");

            await(
                    "the cluster left DELETING is gone",
                    () -> status(second, token, "/v1beta1/clusters/" + deleting) == 404);
            JsonNode list = send(second, token, "GET", "/v1beta1/clusters");
            assertThat(list.path("totalSize").asInt()).isEqualTo(1);
            assertThat(list.path("clusters").get(0).path("clusterId").asText()).isEqualTo(creating);
        }
    }

    @Test
    void instanceKilledRightAfterACreateAndWithCreatesInFlightLeavesEachClusterActiveAfterRestartOrAbsent()
            throws Exception {
        String database = TestDatabase.create("e2e_cluster_kill").jdbcUrl();
        String token = erin.token("cluster:read", "cluster:write");
        Map<String, String> env = new java.util.HashMap<>(QUICK);
        env.put(ServiceProcess.DATABASE_URL, database);

        String answered;
        List<String> inFlight = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> creates = new ArrayList<>();
        try (ServiceProcess first = ServiceProcess.start("cloud-api-service", env)) {
            answered = create(first, token, "killed-after-201");
            for (int i = 0; i < 6; i++) {
                inFlight.add("killed-in-flight-" + i);
                creates.add(HTTP.sendAsync(
                        createRequest(first, token, inFlight.get(i)), HttpResponse.BodyHandlers.ofString()));
            }
            // one of the six answered: the others are being answered as the process dies
            CompletableFuture.anyOf(creates.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            first.kill(); // the first cluster CREATING since its 201, well before its 1 s create delay
        }
        List<String> answeredInFlight = new ArrayList<>();
        for (int i = 0; i < creates.size(); i++) {
            try {
                HttpResponse<String> response = creates.get(i).get(10, TimeUnit.SECONDS);
                if (response.statusCode() == 201) {
                    answeredInFlight.add(inFlight.get(i));
                }
            } catch (ExecutionException connectionLost) {
                // no answer: the cluster may or may not have been stored
            }
        }

        try (ServiceProcess second = ServiceProcess.start("cloud-api-service", env)) {
            await("no cluster is CREATING any more", () -> {
                for (JsonNode cluster : send(second, token, "GET", "/v1beta1/clusters?page_size=100")
                        .path("clusters")) {
                    if (!"ACTIVE".equals(cluster.path("state").asText())) {
                        return false;
                    }
                }
                return true;
            });
            JsonNode list = send(second, token, "GET", "/v1beta1/clusters?page_size=100");
            Map<String, Integer> copies = new java.util.HashMap<>();
            for (JsonNode cluster : list.path("clusters")) {
                copies.merge(cluster.path("displayName").asText(), 1, Integer::sum);
            }
            assertThat(state(second, token, answered)).isEqualTo("ACTIVE");
            assertThat(copies).containsEntry("killed-after-201", 1);
            for (String name : answeredInFlight) {
                assertThat(copies).as("%s was answered 201", name).containsEntry(name, 1);
            }
            assertThat(copies.values()).as("no cluster twice: " + copies).allMatch(count -> count == 1);
            assertThat(copies.keySet()).isSubsetOf(concat("killed-after-201", inFlight));
            assertThat(list.path("totalSize").asInt()).isEqualTo(copies.size());
        }
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(rest);
        all.add(first);
        return all;
    }

    private static HttpRequest createRequest(ServiceProcess api, String token, String name) throws Exception {
        String body = JSON.writeValueAsString(
                Map.of("displayName", name, "region", Map.of("name", "regions/aws-eu-central-1")));
        return request(api, token, "/v1beta1/clusters")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static String create(ServiceProcess api, String token, String name) throws Exception {
        HttpResponse<String> response =
                HTTP.send(createRequest(api, token, name), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode cluster = JSON.readTree(response.body());
        assertThat(cluster.path("state").asText()).isEqualTo("CREATING");
        return cluster.path("clusterId").asText();
    }

    private static String state(ServiceProcess api, String token, String id) throws Exception {
        return send(api, token, "GET", "/v1beta1/clusters/" + id).path("state").asText();
    }

    private static JsonNode send(ServiceProcess api, String token, String method, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(
                request(api, token, path)
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as(method + " " + path + ": " + response.body())
                .isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static int status(ServiceProcess api, String token, String path) throws Exception {
        return HTTP.send(request(api, token, path).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static HttpRequest.Builder request(ServiceProcess api, String token, String path) {
        return HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token);
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void await(String what, Check check) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!check.holds()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after 30 s waiting until " + what);
            }
            Thread.sleep(200);
        }
    }
}
