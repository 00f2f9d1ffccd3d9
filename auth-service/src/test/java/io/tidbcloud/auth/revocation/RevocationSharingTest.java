package io.tidbcloud.auth.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.subscription.Cancellable;
import io.tidbcloud.contract.revocation.RevocationEvent;
import io.tidbcloud.resourceserver.revocation.RevocationFeedClient;
import io.tidbcloud.testsupport.KeycloakAdmin;
import io.tidbcloud.testsupport.TestClient;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.client.SseEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Several auth-service instances on one database share nothing in memory. Another instance is played
 * by plain JDBC connections of the test: one that holds an insert transaction open, one that inserts
 * a row and notifies, as a second process would.
 */
@QuarkusTest
class RevocationSharingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static KeycloakAdmin admin;
    private static TestClient subscriber;

    @Inject
    RevocationService revocations;

    @Inject
    RevocationStore store;

    @Inject
    RevocationNotificationListener listener;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String databaseUrl;

    @TestHTTPResource("/")
    URI root;

    @BeforeAll
    static void createSubscriber() {
        admin = KeycloakAdmin.fromEnvironment();
        subscriber = admin.createServiceClient("feed");
    }

    @AfterAll
    static void deleteSubscriber() {
        admin.close();
    }

    @Test
    void aWriterWaitsWhileAnotherInstancesInsertIsUncommittedSoSeqOrderIsCommitOrder() throws Exception {
        String first = "race-" + UUID.randomUUID();
        String second = "race-" + UUID.randomUUID();
        try (Connection otherInstance = connect()) {
            otherInstance.setAutoCommit(false);
            store.insertNew(otherInstance, List.of(revocation(first)), System.currentTimeMillis());

            CompletableFuture<?> thisInstance =
                    CompletableFuture.runAsync(() -> revocations.record(List.of(revocation(second))));
            Thread.sleep(700);
            assertThat(thisInstance)
                    .as("the second writer waits for the first one's commit")
                    .isNotDone();

            otherInstance.commit();
            thisInstance.get(10, TimeUnit.SECONDS);
        }
        assertThat(seqOf(second)).isGreaterThan(seqOf(first));
    }

    @Test
    void racingWritersNeverLetATailingReaderSkipARow() throws Exception {
        long start = revocations.lastSeq();
        Set<String> written = ConcurrentHashMap.newKeySet();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            running.add(writers.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    String id = "tail-" + UUID.randomUUID();
                    revocations.record(List.of(revocation(id)));
                    written.add(id);
                }
            }));
        }
        // The reader resumes after the highest seq it saw, as a subscriber's Last-Event-ID does.
        Set<String> seen = new HashSet<>();
        long position = start;
        boolean writing = true;
        while (writing) {
            writing = running.stream().anyMatch(f -> !f.isDone());
            for (FeedEntry entry : revocations.after(position, 500)) {
                seen.add(entry.event().sessionId());
                position = entry.seq();
            }
        }
        for (Future<?> writer : running) {
            writer.get(30, TimeUnit.SECONDS);
        }
        writers.shutdown();
        for (FeedEntry entry : revocations.after(position, 500)) {
            seen.add(entry.event().sessionId());
        }
        assertThat(written).hasSize(100);
        assertThat(seen).containsAll(written);
    }

    @Test
    void aRowAnotherInstanceInsertsAndNotifiesWakesThisInstancesFeedAndReachesASubscriber() throws Exception {
        try (Subscription subscription = subscribe(revocations.lastSeq())) {
            subscription.await("caught-up");
            long generation = revocations.generation();
            String session = "other-" + UUID.randomUUID();
            insertAndNotifyAsAnotherInstance(session);

            assertThat(revocations.awaitChange(generation, 5_000))
                    .as("the notification woke this instance's feed")
                    .isTrue();
            SseEvent<String> event = subscription.await("revocation");
            assertThat(JSON.readTree(event.data()).toString()).contains(session);
        }
    }

    @Test
    void theListenerReconnectsWhenItsConnectionIsKilled() throws Exception {
        awaitListening();
        // Only this instance's listener: its pids first, then each terminated by pid (a filter and
        // pg_terminate_backend in one query may be evaluated in any order, over every backend).
        List<Integer> killed = listenerBackends();
        try (Connection connection = connect();
                PreparedStatement terminate = connection.prepareStatement("SELECT pg_terminate_backend(?)")) {
            for (int pid : killed) {
                terminate.setInt(1, pid);
                terminate.execute();
            }
        }
        assertThat(killed).isNotEmpty();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (listenerBackends().stream().allMatch(killed::contains) || !listener.listening()) {
            assertThat(System.nanoTime()).as("the listener reconnected").isLessThan(deadline);
            Thread.sleep(50);
        }

        long generation = revocations.generation();
        insertAndNotifyAsAnotherInstance("after-reconnect-" + UUID.randomUUID());
        assertThat(revocations.awaitChange(generation, 5_000)).isTrue();
    }

    // ---------------------------------------------------------------- another instance

    /** What another auth-service process does: its own transaction, a row, a NOTIFY sent at commit. */
    private void insertAndNotifyAsAnotherInstance(String sessionId) throws SQLException {
        long now = System.currentTimeMillis() / 1000 * 1000;
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            long seq;
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO revocation_event (event_id, covers, cause, issuer, subject, session_id, revoked_at,"
                            + " expires_at, received_at) VALUES (?, 'SESSION', 'LOGOUT', ?, 'user-1', ?, ?, ?, ?) RETURNING seq")) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, "http://localhost:18180/realms/tidbcloud");
                insert.setString(3, sessionId);
                insert.setLong(4, now);
                insert.setLong(5, now + 330_000);
                insert.setLong(6, now);
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    seq = row.getLong(1);
                }
            }
            try (Statement notify = connection.createStatement()) {
                notify.execute("NOTIFY revocation_event, '" + seq + "'");
            }
            connection.commit();
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(databaseUrl, "tidbcloud", "tidbcloud");
    }

    private long seqOf(String sessionId) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement query =
                        connection.prepareStatement("SELECT seq FROM revocation_event WHERE session_id = ?")) {
            query.setString(1, sessionId);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("stored: " + sessionId).isTrue();
                return row.getLong(1);
            }
        }
    }

    private List<Integer> listenerBackends() throws SQLException {
        List<Integer> pids = new ArrayList<>();
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT pid FROM pg_stat_activity WHERE application_name = '"
                        + RevocationNotificationListener.APPLICATION_NAME + "' AND datname = current_database()")) {
            while (rows.next()) {
                pids.add(rows.getInt(1));
            }
        }
        return pids;
    }

    private void awaitListening() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!listener.listening()) {
            assertThat(System.nanoTime()).as("the listener listens").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static RevocationEvent revocation(String sessionId) {
        try {
            return JSON.readerForListOf(RevocationEvent.class)
                    .<List<RevocationEvent>>readValue(RevocationIngestTest.sessionRevocation(
                            UUID.randomUUID().toString(), sessionId))
                    .get(0);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- a feed subscriber

    private Subscription subscribe(long after) {
        RevocationFeedClient client =
                QuarkusRestClientBuilder.newBuilder().baseUri(root).build(RevocationFeedClient.class);
        BlockingQueue<SseEvent<String>> events = new LinkedBlockingQueue<>();
        Cancellable cancellable = client.subscribe("Bearer " + subscriber.token(), after)
                .subscribe()
                .with(events::add, failure -> {}, () -> {});
        return new Subscription(events, cancellable);
    }

    private record Subscription(BlockingQueue<SseEvent<String>> events, Cancellable cancellable)
            implements AutoCloseable {

        SseEvent<String> await(String name) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                SseEvent<String> event = events.poll(200, TimeUnit.MILLISECONDS);
                if (event != null && name.equals(event.name())) {
                    return event;
                }
            }
            throw new AssertionError("no " + name + " event within 10 s");
        }

        @Override
        public void close() {
            cancellable.cancel();
        }
    }
}
