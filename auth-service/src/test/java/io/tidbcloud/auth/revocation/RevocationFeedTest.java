package io.tidbcloud.auth.revocation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tidbcloud.testsupport.KeycloakAdmin;
import io.tidbcloud.testsupport.TestClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Resource servers subscribing to the feed with client-credentials tokens of the test Keycloak. */
@QuarkusTest
class RevocationFeedTest {

    private static KeycloakAdmin admin;
    private static TestClient subscriber;
    private static TestClient stranger;

    @TestHTTPResource("/v1/revocations/feed")
    URI feed;

    @BeforeAll
    static void createClients() {
        admin = KeycloakAdmin.fromEnvironment();
        subscriber = admin.createServiceClient("feed");
        stranger = admin.createServiceClient("stranger");
    }

    @AfterAll
    static void deleteClients() {
        admin.close();
    }

    @Test
    void feedWithoutTokenIsUnauthorizedWithBareBearerChallenge() {
        given().when()
                .get("/v1/revocations/feed")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", is("Bearer realm=\"tidbcloud\""))
                .body("code", is(16))
                .body("details", empty());
    }

    @Test
    void feedWithTamperedTokenIsUnauthorizedAsInvalidToken() {
        String token = subscriber.token();
        given().auth()
                .oauth2(token.substring(0, token.length() - 4) + "AAAA")
                .when()
                .get("/v1/revocations/feed")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("error=\"invalid_token\""))
                .body("code", is(16));
    }

    @Test
    void feedForAClientThatIsNoSubscriberIsForbidden() {
        given().auth()
                .oauth2(stranger.token())
                .when()
                .get("/v1/revocations/feed")
                .then()
                .statusCode(403)
                .body("code", is(7))
                .body("message", is("The client is not a revocation feed subscriber"));
    }

    @Test
    void feedWithBadLastEventIdIsBadRequest() {
        given().auth()
                .oauth2(subscriber.token())
                .header("Last-Event-ID", "abc")
                .when()
                .get("/v1/revocations/feed")
                .then()
                .statusCode(400)
                .body("code", is(3))
                .body("message", startsWith("Last-Event-ID "));
    }

    @Test
    void subscriberGetsStoredRevocationThenCaughtUpThenLiveOnesAndResumesAfterLastEventId() throws Exception {
        String first = "s-" + UUID.randomUUID();
        deliver(first);
        List<String[]> events = new ArrayList<>();
        long firstSeq;
        try (Subscription subscription = subscribe(null)) {
            firstSeq = subscription.awaitRevocationOf(first, events);
            assertThat(subscription.awaitNamed("caught-up")).isTrue();
            String second = "s-" + UUID.randomUUID();
            deliver(second);
            long secondSeq = subscription.awaitRevocationOf(second, events);
            assertThat(secondSeq).isGreaterThan(firstSeq);
            assertThat(subscription.awaitNamed("heartbeat")).isTrue();
        }
        // resumed after the first: the second comes again, the first does not
        try (Subscription resumed = subscribe(Long.toString(firstSeq))) {
            List<String[]> after = new ArrayList<>();
            resumed.awaitNamed("caught-up", after);
            assertThat(after).noneMatch(event -> event[2].contains(first));
            assertThat(after).anyMatch(event -> event[1].equals("revocation"));
        }
    }

    @Test
    void subscriberResumingBeyondTheFeedsEndGetsEveryKeptRevocationAgain() throws Exception {
        // A subscriber that saw more than this store holds (a store restored from a backup) must not
        // wait for newer positions and miss what the store has now.
        String kept = "s-" + UUID.randomUUID();
        deliver(kept);
        try (Subscription resumed = subscribe(Long.toString(Long.MAX_VALUE / 2))) {
            List<String[]> replayed = new ArrayList<>();
            resumed.awaitNamed("caught-up", replayed);
            assertThat(replayed).anyMatch(event -> event[1].equals("revocation") && event[2].contains(kept));
        }
    }

    private static void deliver(String sessionId) {
        given().contentType("application/json")
                .header("X-Tidbcloud-Events-Secret", "test-events-secret")
                .body(RevocationIngestTest.sessionRevocation(UUID.randomUUID().toString(), sessionId))
                .when()
                .post("/internal/revocation-events")
                .then()
                .statusCode(204);
    }

    private Subscription subscribe(String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(feed)
                .header("Authorization", "Bearer " + subscriber.token())
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<java.io.InputStream> response =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        return new Subscription(new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8)));
    }

    /** A minimal SSE reader: each event as {id, name, data}. */
    private record Subscription(BufferedReader reader) implements AutoCloseable {

        String[] next() throws Exception {
            String id = null;
            String name = "message";
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data.length() > 0 || !name.equals("message")) {
                        return new String[] {id, name, data.toString()};
                    }
                    continue;
                }
                if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                }
            }
            throw new AssertionError("feed ended");
        }

        long awaitRevocationOf(String sessionId, List<String[]> seen) throws Exception {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                String[] event = next();
                seen.add(event);
                if (event[1].equals("revocation") && event[2].contains(sessionId)) {
                    assertThat(event[2])
                            .contains("\"https://schemas.openid.net/secevent/caep/event-type/session-revoked\"")
                            .contains("\"session\":{\"format\":\"opaque\",\"id\":\"" + sessionId + "\"}")
                            .contains("\"reason_admin\":{\"en\":\"LOGOUT\"}");
                    return Long.parseLong(event[0]);
                }
            }
            throw new AssertionError("no revocation of " + sessionId);
        }

        boolean awaitNamed(String name) throws Exception {
            return awaitNamed(name, new ArrayList<>());
        }

        boolean awaitNamed(String name, List<String[]> seen) throws Exception {
            for (int i = 0; i < 10_000; i++) {
                String[] event = next();
                if (event[1].equals(name)) {
                    return true;
                }
                seen.add(event);
            }
            return false;
        }

        @Override
        public void close() throws Exception {
            reader.close();
        }
    }
}
