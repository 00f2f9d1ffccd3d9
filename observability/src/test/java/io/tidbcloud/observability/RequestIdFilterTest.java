package io.tidbcloud.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The request id on both kinds of thread Quarkus REST runs a request on, in the JSON log lines the
 * services' prod profile writes (here to a file: application.properties of this test).
 */
@QuarkusTest
class RequestIdFilterTest {

    private static final Path LOG = Path.of("target/request-id-test.log");

    @Test
    void offeredIdIsReturnedAndInTheJsonLogLineWrittenOnTheEventLoop() throws Exception {
        String mark = UUID.randomUUID().toString();
        String answered = given().header("X-Request-Id", "lb-1234.abc_DEF:9")
                .queryParam("mark", mark)
                .get("/log/event-loop")
                .then()
                .statusCode(200)
                .extract()
                .header("X-Request-Id");

        assertThat(answered).isEqualTo("lb-1234.abc_DEF:9");
        JsonPath line = logLine(mark);
        assertThat(line.getString("message")).contains("vert.x-eventloop");
        assertThat(line.getString("mdc.requestId")).isEqualTo("lb-1234.abc_DEF:9");
    }

    @Test
    void offeredIdIsInTheJsonLogLineWrittenOnAWorkerThread() throws Exception {
        String mark = UUID.randomUUID().toString();
        String id = "worker-" + mark;
        given().header("X-Request-Id", id)
                .queryParam("mark", mark)
                .get("/log/worker")
                .then()
                .statusCode(200)
                .header("X-Request-Id", id);

        JsonPath line = logLine(mark);
        assertThat(line.getString("message")).contains("executor-thread");
        assertThat(line.getString("mdc.requestId")).isEqualTo(id);
    }

    @Test
    void withoutAnOfferedIdANewUuidIsReturnedAndLogged() throws Exception {
        String mark = UUID.randomUUID().toString();
        String answered = given().queryParam("mark", mark)
                .get("/log/worker")
                .then()
                .statusCode(200)
                .extract()
                .header("X-Request-Id");

        assertThat(UUID.fromString(answered).toString()).isEqualTo(answered);
        assertThat(logLine(mark).getString("mdc.requestId")).isEqualTo(answered);
    }

    @Test
    void anOversizedOrForeignIdIsReplacedNeverEchoed() {
        for (String offered : List.of("a".repeat(65), "id with spaces", "id\"quote", "id;x=1", "ünïcode")) {
            String answered = given().header("X-Request-Id", offered)
                    .queryParam("mark", "foreign")
                    .get("/log/event-loop")
                    .then()
                    .statusCode(200)
                    .extract()
                    .header("X-Request-Id");
            assertThat(answered).as("answer to %s", offered).isNotEqualTo(offered);
            assertThat(UUID.fromString(answered).toString()).isEqualTo(answered);
        }
        assertThat(given().header("X-Request-Id", "a".repeat(64))
                        .queryParam("mark", "longest")
                        .get("/log/event-loop")
                        .header("X-Request-Id"))
                .isEqualTo("a".repeat(64));
    }

    @Test
    void theAccessLogLineCarriesTheIdAndNoQueryString() throws Exception {
        String mark = UUID.randomUUID().toString();
        String id = "access-" + mark;
        given().header("X-Request-Id", id)
                .queryParam("mark", mark)
                .queryParam("code", "secret-" + mark)
                .get("/log/worker")
                .then()
                .statusCode(200);

        JsonPath line = awaitLine(l -> l.contains(id) && l.contains("io.quarkus.http.access-log"));
        assertThat(line.getString("message")).contains("GET /log/worker").doesNotContain("secret-");
        assertThat(line.getString("mdc.requestId")).isEqualTo(id);
    }

    private static JsonPath logLine(String mark) throws Exception {
        return awaitLine(line -> line.contains("mark " + mark));
    }

    private static JsonPath awaitLine(java.util.function.Predicate<String> wanted) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            for (String line : lines()) {
                if (wanted.test(line)) {
                    return JsonPath.from(line);
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no such line in " + LOG.toAbsolutePath());
            }
            Thread.sleep(50);
        }
    }

    private static List<String> lines() throws IOException {
        return Files.exists(LOG) ? Files.readAllLines(LOG) : List.of();
    }
}
