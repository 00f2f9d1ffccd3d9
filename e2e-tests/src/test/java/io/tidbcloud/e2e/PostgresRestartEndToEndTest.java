package io.tidbcloud.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidbcloud.testsupport.KeycloakAdmin;
import io.tidbcloud.testsupport.TestClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The build's PostgreSQL really restarted (pg_ctl restart) while three tenants create projects and
 * clusters and read them through a running cloud-api-service: meanwhile the API answers 503 with
 * code 14 or waits, never a 500 and never a broken connection; afterwards it serves again without a
 * restart of its own, and each create that got a 201 exists exactly once, and none that got an error
 * exists twice: nothing lost, nothing duplicated. Creates use unique names, so they can be counted.
 */
class PostgresRestartEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int TENANTS = 3;
    /** Each tenant's calls that must succeed after the restart before the load stops: "recovered". */
    private static final int SUCCESSES_AFTER_RESTART = 5;

    @Test
    void postgresRestartedUnderLoadIsUnavailableMeanwhileThenServedAgainWithNothingLostOrDuplicated() throws Exception {
        try (KeycloakAdmin admin = KeycloakAdmin.fromEnvironment();
                ServiceProcess api = ServiceProcess.start("cloud-api-service", Map.of())) {
            List<Tenant> tenants = new ArrayList<>();
            for (int i = 0; i < TENANTS; i++) {
                TestClient client = admin.createServiceClient(
                        "pg-restart-" + i, "project:read", "project:write", "cluster:read", "cluster:write");
                tenants.add(new Tenant(
                        "pgr" + i, client.token("project:read", "project:write", "cluster:read", "cluster:write")));
            }
            List<String> postgresBefore = TestPostgres.databasesAndSettings();

            ExecutorService threads = Executors.newFixedThreadPool(TENANTS);
            AtomicBoolean running = new AtomicBoolean(true);
            List<Future<?>> loops = new ArrayList<>();
            for (Tenant tenant : tenants) {
                loops.add(threads.submit(() -> tenant.load(api, running)));
            }
            try {
                awaitEach(tenants, tenant -> tenant.successes.get() >= 3, "every tenant is served before");
                TestPostgres.restart();
                tenants.forEach(Tenant::markRestarted);
                awaitEach(
                        tenants,
                        tenant -> tenant.successesSinceRestart() >= SUCCESSES_AFTER_RESTART,
                        "every tenant is served again after the restart");
            } finally {
                running.set(false);
                threads.shutdown();
            }
            for (Future<?> loop : loops) {
                loop.get(30, TimeUnit.SECONDS);
            }

            assertThat(TestPostgres.databasesAndSettings())
                    .as("PostgreSQL after the restart")
                    .isEqualTo(postgresBefore);
            int unavailable = 0;
            for (Tenant tenant : tenants) {
                for (Answer answer : tenant.answers) {
                    if (answer.status() == 503) {
                        unavailable++;
                        assertUnavailable(answer);
                    } else {
                        assertThat(answer.status())
                                .as("%s %s answered %s", answer.method(), answer.name(), answer.body())
                                .isIn(200, 201);
                    }
                }
                assertNothingLostOrDuplicated(api, tenant);
            }
            System.out.printf(
                    "PostgreSQL restart under load: %d calls, %d answered 503 (code 14)%n",
                    tenants.stream().mapToInt(t -> t.answers.size()).sum(), unavailable);
            assertThat(status(api, "/q/health/ready")).isEqualTo(200);
        }
    }

    private record Answer(String method, String name, int status, String body, String retryAfter) {}

    /** One tenant's client thread: creates a project and a cluster of unique names, then reads, in a loop. */
    private static final class Tenant {
        final String prefix;
        final String token;
        final List<Answer> answers = new CopyOnWriteArrayList<>();
        final AtomicInteger successes = new AtomicInteger();
        volatile int successesAtRestart = Integer.MAX_VALUE;

        Tenant(String prefix, String token) {
            this.prefix = prefix;
            this.token = token;
        }

        void markRestarted() {
            successesAtRestart = successes.get();
        }

        int successesSinceRestart() {
            return successes.get() - successesAtRestart;
        }

        Void load(ServiceProcess api, AtomicBoolean running) throws Exception {
            for (int i = 0; running.get(); i++) {
                String name = prefix + "-" + i;
                call(api, "POST /v1beta1/projects", name, Map.of("name", name));
                call(
                        api,
                        "POST /v1beta1/clusters",
                        name,
                        Map.of("displayName", name, "region", Map.of("name", "regions/aws-eu-central-1")));
                call(api, "GET /v1beta1/clusters?page_size=5", name, null);
            }
            return null;
        }

        private void call(ServiceProcess api, String method, String name, Object body) throws Exception {
            String[] verbAndPath = method.split(" ");
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.baseUrl() + verbAndPath[1]))
                    .timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + token);
            if (body == null) {
                request.GET();
            } else {
                request.header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response;
            try {
                response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException broken) {
                answers.add(new Answer(method, name, -1, "no answer: " + broken, null));
                return;
            }
            answers.add(new Answer(
                    method,
                    name,
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Retry-After").orElse(null)));
            if (response.statusCode() / 100 == 2) {
                successes.incrementAndGet();
            }
        }
    }

    private static void assertUnavailable(Answer answer) throws Exception {
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("code").asInt()).as(answer.body()).isEqualTo(14);
        assertThat(body.path("message").asText()).contains("database");
        assertThat(body.path("details").isArray()).isTrue();
        assertThat(answer.retryAfter()).isEqualTo("5");
    }

    /** Every create answered 201 exists once; every other one at most once (it may have committed). */
    private static void assertNothingLostOrDuplicated(ServiceProcess api, Tenant tenant) throws Exception {
        Map<String, Integer> projects = countNames(api, tenant.token, "/v1beta1/projects", "projects", "name");
        Map<String, Integer> clusters = countNames(api, tenant.token, "/v1beta1/clusters", "clusters", "displayName");
        for (Answer answer : tenant.answers) {
            Map<String, Integer> counted = answer.method().equals("POST /v1beta1/projects")
                    ? projects
                    : answer.method().equals("POST /v1beta1/clusters") ? clusters : null;
            if (counted == null) {
                continue;
            }
            int copies = counted.getOrDefault(answer.name(), 0);
            if (answer.status() == 201) {
                assertThat(copies)
                        .as("%s %s answered 201", answer.method(), answer.name())
                        .isEqualTo(1);
            } else {
                assertThat(copies)
                        .as("%s %s answered %d", answer.method(), answer.name(), answer.status())
                        .isLessThanOrEqualTo(1);
            }
        }
    }

    /** How often each name occurs in the whole list, every page read. */
    private static Map<String, Integer> countNames(
            ServiceProcess api, String token, String path, String listField, String nameField) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        int read = 0;
        for (int page = 1; ; page++) {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(api.baseUrl() + path + "?page_size=100&page=" + page))
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode list = JSON.readTree(response.body());
            for (JsonNode item : list.path(listField)) {
                counts.merge(item.path(nameField).asText(), 1, Integer::sum);
                read++;
            }
            if (list.path(listField).isEmpty() || read >= list.path("totalSize").asInt()) {
                return counts;
            }
        }
    }

    private static int status(ServiceProcess api, String path) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private interface Condition {
        boolean holds(Tenant tenant);
    }

    private static void awaitEach(List<Tenant> tenants, Condition condition, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!tenants.stream().allMatch(condition::holds)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after 60 s waiting until " + what);
            }
            Thread.sleep(50);
        }
    }
}
