package io.tidbcloud.keycloak.events;

import io.tidbcloud.contract.revocation.RevocationEndpoints;
import io.tidbcloud.contract.revocation.RevocationEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.keycloak.util.JsonSerialization;

/**
 * Delivers revocations to auth-service from one background thread, so that a person's request in
 * Keycloak never waits for auth-service nor fails with it. Revocations wait in a bounded in-memory
 * buffer and are retried, in order, with backoff until auth-service takes them; when the buffer is
 * full the oldest is dropped (and counted), since a burst must not exhaust Keycloak's memory.
 * auth-service stores each revocation once by its id, so a retry after a lost answer is harmless.
 */
final class RevocationForwarder implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RevocationForwarder.class);
    private static final int BATCH = 100;

    private final URI endpoint;
    private final String secret;
    private final int capacity;
    private final Duration maxBackoff;
    private final HttpClient http;
    private final Deque<RevocationEvent> buffer = new ArrayDeque<>();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread sender;
    private volatile boolean running = true;

    RevocationForwarder(String baseUrl, String secret, int capacity, Duration maxBackoff) {
        this.endpoint = URI.create(stripTrailingSlash(baseUrl) + RevocationEndpoints.INGEST_PATH);
        this.secret = secret;
        this.capacity = capacity;
        this.maxBackoff = maxBackoff;
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        this.sender = new Thread(this::deliverForever, "tidbcloud-revocation-forwarder");
        this.sender.setDaemon(true);
        this.sender.start();
    }

    /** Never blocks: the caller is a request thread that has just committed. */
    void enqueue(RevocationEvent event) {
        synchronized (buffer) {
            if (buffer.size() >= capacity) {
                RevocationEvent oldest = buffer.pollFirst();
                LOG.errorf(
                        "revocation buffer full (%d): dropped revocation %s (%s); auth-service unreachable at %s?",
                        capacity, oldest.id(), oldest.reason(), endpoint);
                dropped.incrementAndGet();
            }
            buffer.addLast(event);
            buffer.notifyAll();
        }
    }

    int pending() {
        synchronized (buffer) {
            return buffer.size();
        }
    }

    private void deliverForever() {
        long backoffMillis = 100;
        while (running) {
            List<RevocationEvent> batch = nextBatch();
            if (batch.isEmpty()) {
                continue;
            }
            if (send(batch)) {
                synchronized (buffer) {
                    for (int i = 0; i < batch.size(); i++) {
                        // the buffer may have dropped some of the batch meanwhile: remove only what is still ours
                        if (buffer.peekFirst() == batch.get(i)) {
                            buffer.pollFirst();
                        }
                    }
                }
                backoffMillis = 100;
            } else {
                sleep(backoffMillis);
                backoffMillis = Math.min(backoffMillis * 2, maxBackoff.toMillis());
            }
        }
    }

    private List<RevocationEvent> nextBatch() {
        synchronized (buffer) {
            while (running && buffer.isEmpty()) {
                try {
                    buffer.wait(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            List<RevocationEvent> batch = new ArrayList<>(Math.min(BATCH, buffer.size()));
            for (RevocationEvent event : buffer) {
                if (batch.size() == BATCH) {
                    break;
                }
                batch.add(event);
            }
            return batch;
        }
    }

    private boolean send(List<RevocationEvent> batch) {
        try {
            HttpRequest request = HttpRequest.newBuilder(endpoint)
                    .timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    // not Authorization: auth-service verifies bearer JWTs there proactively
                    .header(RevocationEndpoints.SECRET_HEADER, secret)
                    .POST(HttpRequest.BodyPublishers.ofString(JsonSerialization.writeValueAsString(batch)))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                LOG.debugf("delivered %d revocation(s) to %s", batch.size(), endpoint);
                return true;
            }
            LOG.warnf(
                    "auth-service refused %d revocation(s): HTTP %d %s; retrying",
                    batch.size(), response.statusCode(), response.body());
            return false;
        } catch (IOException e) {
            LOG.warnf(
                    "auth-service unreachable at %s (%s); %d revocation(s) waiting",
                    endpoint, e.getMessage(), pending());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return false;
        }
    }

    private void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Gives the sender a moment to deliver what is buffered, then stops it. */
    @Override
    public void close() {
        long deadline = System.currentTimeMillis() + 2000;
        while (pending() > 0 && System.currentTimeMillis() < deadline) {
            sleep(50);
        }
        running = false;
        sender.interrupt();
        int left = pending();
        if (left > 0) {
            LOG.warnf("stopping with %d revocation(s) not delivered to auth-service", left);
        }
    }
}
