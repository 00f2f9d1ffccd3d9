package io.tidbcloud.auth.revocation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.subscription.Cancellable;
import io.tidbcloud.resourceserver.revocation.RevocationFeedClient;
import io.tidbcloud.testsupport.KeycloakAdmin;
import io.tidbcloud.testsupport.PrometheusText;
import io.tidbcloud.testsupport.TestClient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.resteasy.reactive.client.SseEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Resource servers subscribing to the feed with client-credentials tokens of the test Keycloak. */
@QuarkusTest
class RevocationFeedTest {

    private static KeycloakAdmin admin;
    private static TestClient subscriber;
    private static TestClient stranger;

    @TestHTTPResource("/")
    URI root;

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
        List<SseEvent<String>> events = new ArrayList<>();
        long firstSeq;
        try (Subscription subscription = subscribe(0)) {
            firstSeq = subscription.awaitRevocationOf(first, events);
            assertThat(subscription.awaitNamed("caught-up")).isTrue();
            String second = "s-" + UUID.randomUUID();
            deliver(second);
            long secondSeq = subscription.awaitRevocationOf(second, events);
            assertThat(secondSeq).isGreaterThan(firstSeq);
            assertThat(subscription.awaitNamed("heartbeat")).isTrue();
        }
        // resumed after the first: the second comes again, the first does not
        try (Subscription resumed = subscribe(firstSeq)) {
            List<SseEvent<String>> after = new ArrayList<>();
            resumed.awaitNamed("caught-up", after);
            assertThat(after).noneMatch(event -> event.data().contains(first));
            assertThat(after).anyMatch(event -> "revocation".equals(event.name()));
        }
    }

    @Test
    void subscriberResumingBeyondTheFeedsEndGetsEveryKeptRevocationAgain() throws Exception {
        // A subscriber that saw more than this store holds (a store restored from a backup) must not
        // wait for newer positions and miss what the store has now.
        String kept = "s-" + UUID.randomUUID();
        deliver(kept);
        try (Subscription resumed = subscribe(Long.MAX_VALUE / 2)) {
            List<SseEvent<String>> replayed = new ArrayList<>();
            resumed.awaitNamed("caught-up", replayed);
            assertThat(replayed)
                    .anyMatch(event ->
                            "revocation".equals(event.name()) && event.data().contains(kept));
        }
    }

    @Test
    void metricsShowTheFeedsSubscribersItsStoredRevocationsAndTheTokensItRefused() throws Exception {
        PrometheusText before = scrape();
        given().get("/v1/revocations/feed").then().statusCode(401);
        given().auth()
                .oauth2(stranger.token())
                .get("/v1/revocations/feed")
                .then()
                .statusCode(403);
        deliver("m-" + UUID.randomUUID());

        try (Subscription subscription = subscribe(0)) {
            assertThat(subscription.awaitNamed("caught-up")).isTrue();
            PrometheusText during = scrape();
            assertThat(during.valueOrZero(SUBSCRIBERS, Map.of())).isGreaterThanOrEqualTo(1);
            assertThat(during.value("tidbcloud_revocation_events_stored", Map.of())
                            .orElseThrow())
                    .isGreaterThanOrEqualTo(1);
            assertThat(increase(before, during, REJECTED, Map.of("reason", "missing")))
                    .isEqualTo(1);
            assertThat(increase(before, during, REJECTED, Map.of("reason", "wrong_client")))
                    .isEqualTo(1);
            // A 401 that @Authenticated decides before Quarkus REST records the endpoint's template is
            // counted in the UNKNOWN bucket (suppress4xx-errors), never under its raw path.
            assertThat(increase(before, during, REQUESTS, Map.of("uri", "/v1/revocations/feed", "status", "401"))
                            + increase(before, during, REQUESTS, Map.of("uri", "UNKNOWN", "status", "401")))
                    .isEqualTo(1);
        }
        // Every subscription of this test run has been cancelled by now: each leaves at its next heartbeat.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (scrape().valueOrZero(SUBSCRIBERS, Map.of()) != 0) {
            assertThat(System.nanoTime()).as("the subscribers leave the gauge").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static final String SUBSCRIBERS = "tidbcloud_revocation_feed_subscribers";
    private static final String REJECTED = "tidbcloud_tokens_rejected_total";
    private static final String REQUESTS = "http_server_requests_seconds_count";

    private static PrometheusText scrape() {
        return new PrometheusText(
                given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    private static double increase(
            PrometheusText before, PrometheusText after, String name, Map<String, String> labels) {
        return after.valueOrZero(name, labels) - before.valueOrZero(name, labels);
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

    /** Subscribes through the resource-server library's own feed client, as a resource server does. */
    private Subscription subscribe(long lastEventId) {
        RevocationFeedClient client =
                QuarkusRestClientBuilder.newBuilder().baseUri(root).build(RevocationFeedClient.class);
        BlockingQueue<SseEvent<String>> events = new LinkedBlockingQueue<>();
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Cancellable cancellable = client.subscribe("Bearer " + subscriber.token(), lastEventId)
                .subscribe()
                .with(events::add, ended::set, () -> ended.set(new AssertionError("feed ended")));
        return new Subscription(events, ended, cancellable);
    }

    private record Subscription(
            BlockingQueue<SseEvent<String>> events, AtomicReference<Throwable> ended, Cancellable cancellable)
            implements AutoCloseable {

        SseEvent<String> next() throws InterruptedException {
            SseEvent<String> event = events.poll(10, TimeUnit.SECONDS);
            if (event == null) {
                throw new AssertionError("no event within 10 s", ended.get());
            }
            return event;
        }

        long awaitRevocationOf(String sessionId, List<SseEvent<String>> seen) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                SseEvent<String> event = next();
                seen.add(event);
                if ("revocation".equals(event.name()) && event.data().contains(sessionId)) {
                    assertThat(event.data())
                            .contains("\"https://schemas.openid.net/secevent/caep/event-type/session-revoked\"")
                            .contains("\"session\":{\"format\":\"opaque\",\"id\":\"" + sessionId + "\"}")
                            .contains("\"reason_admin\":{\"en\":\"LOGOUT\"}");
                    return Long.parseLong(event.id());
                }
            }
            throw new AssertionError("no revocation of " + sessionId);
        }

        boolean awaitNamed(String name) throws InterruptedException {
            return awaitNamed(name, new ArrayList<>());
        }

        boolean awaitNamed(String name, List<SseEvent<String>> seen) throws InterruptedException {
            for (int i = 0; i < 10_000; i++) {
                SseEvent<String> event = next();
                if (name.equals(event.name())) {
                    return true;
                }
                seen.add(event);
            }
            return false;
        }

        @Override
        public void close() {
            cancellable.cancel();
        }
    }
}
