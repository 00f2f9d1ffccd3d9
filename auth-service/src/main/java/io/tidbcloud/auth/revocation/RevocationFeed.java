package io.tidbcloud.auth.revocation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidbcloud.contract.revocation.RevocationEndpoints;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * One loop per subscriber, on its own thread: send what the store has after the subscriber's
 * position, then wait for new revocations or the heartbeat interval. Reading from the store (not
 * from memory) makes a late or resumed subscriber and a live one the same case.
 */
@ApplicationScoped
public class RevocationFeed {

    private static final Logger LOG = Logger.getLogger(RevocationFeed.class);
    private static final int PAGE = 500;

    private final RevocationService revocations;
    private final RevocationConfig config;
    private final ObjectMapper json;
    private final AtomicInteger subscribers = new AtomicInteger();
    private final ExecutorService loops = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "revocation-feed");
        thread.setDaemon(true);
        return thread;
    });

    RevocationFeed(RevocationService revocations, RevocationConfig config, ObjectMapper json) {
        this.revocations = revocations;
        this.config = config;
        this.json = json;
    }

    public int subscribers() {
        return subscribers.get();
    }

    void stream(String client, long from, SseEventSink sink, Sse sse) {
        loops.submit(() -> {
            subscribers.incrementAndGet();
            LOG.infof("revocation feed: %s subscribed after %d", client, from);
            try {
                run(from, sink, sse);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.debugf(e, "revocation feed to %s ended", client);
            } finally {
                subscribers.decrementAndGet();
                LOG.infof("revocation feed: %s left", client);
                closeQuietly(sink);
            }
        });
    }

    private void run(long from, SseEventSink sink, Sse sse) throws InterruptedException {
        long position = from;
        long end = revocations.lastSeq();
        if (position > end) {
            // The subscriber saw positions this store never reached: the store was restored or
            // replaced. Waiting for newer positions would skip every revocation up to there, so
            // replay all that is kept; a deny set takes a revocation twice without harm.
            LOG.warnf(
                    "revocation feed: a subscriber resumes after %d but the feed ends at %d; replaying from the start",
                    position, end);
            position = 0;
        }
        boolean caughtUp = false;
        long heartbeatMillis = config.heartbeat().toMillis();
        while (!sink.isClosed()) {
            long generation = revocations.generation();
            List<FeedEntry> page = revocations.after(position, PAGE);
            for (FeedEntry entry : page) {
                send(
                        sink,
                        sse.newEventBuilder()
                                .id(Long.toString(entry.seq()))
                                .name(RevocationEndpoints.REVOCATION_EVENT)
                                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                                .data(String.class, write(entry.event()))
                                .build());
                position = entry.seq();
            }
            if (page.size() == PAGE) {
                continue;
            }
            if (!caughtUp) {
                send(sink, marker(sse, RevocationEndpoints.CAUGHT_UP_EVENT, position));
                caughtUp = true;
            }
            if (!revocations.awaitChange(generation, heartbeatMillis)) {
                send(sink, marker(sse, RevocationEndpoints.HEARTBEAT_EVENT, position));
            }
        }
    }

    private OutboundSseEvent marker(Sse sse, String name, long position) {
        return sse.newEventBuilder()
                .name(name)
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(String.class, write(Map.of("seq", position, "time", System.currentTimeMillis())))
                .build();
    }

    private static void send(SseEventSink sink, OutboundSseEvent event) throws InterruptedException {
        try {
            sink.send(event).toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("subscriber gone", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void closeQuietly(SseEventSink sink) {
        try {
            sink.close();
        } catch (RuntimeException ignored) {
            // already closed by the subscriber
        }
    }

    @PreDestroy
    void stop() {
        loops.shutdownNow();
    }
}
