package io.tidbcloud.resourceserver.revocation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tidbcloud.contract.revocation.RevocationEndpoints;
import io.tidbcloud.contract.revocation.RevocationEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Keeps this instance subscribed to auth-service's revocation feed: authenticates with the
 * client-credentials grant, reads the server-sent events into the {@link DenySet}, resumes after
 * the last event id it saw, and records when the feed last confirmed that nothing is missing (the
 * {@code caught-up} marker, each later event and each heartbeat). {@link #isFresh()} is what the
 * request path and readiness ask.
 */
@ApplicationScoped
public class RevocationFeedSubscriber {

    private static final Logger LOG = Logger.getLogger(RevocationFeedSubscriber.class);

    private final RevocationConfig config;
    private final DenySet denySet;
    private final ObjectMapper json;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "revocation-feed-timer");
        thread.setDaemon(true);
        return thread;
    });

    private volatile boolean running;
    private volatile Thread reader;
    private volatile InputStream body;
    /** System.nanoTime() of the feed's last word that nothing is missing; 0 before the first catch-up. */
    private volatile long confirmedAt;

    private volatile long lastLineAt;
    private volatile long lastSeq;
    private volatile String problem = "not yet connected";
    /** Whether the current attempt got the feed open (the backoff starts over after it). */
    private volatile boolean connected;

    private String accessToken;
    private long accessTokenExpiresAt;

    RevocationFeedSubscriber(RevocationConfig config, DenySet denySet, ObjectMapper json) {
        this.config = config;
        this.denySet = denySet;
        this.json = json;
    }

    public boolean enabled() {
        return config.authServiceUrl().filter(url -> !url.isBlank()).isPresent();
    }

    /** Whether the deny set may be trusted now: caught up, and heard from within the staleness bound. */
    public boolean isFresh() {
        long confirmed = confirmedAt;
        return confirmed != 0
                && System.nanoTime() - confirmed <= config.stalenessBound().toNanos();
    }

    /** Milliseconds since the feed last confirmed, or -1 before the first catch-up. */
    public long staleForMillis() {
        long confirmed = confirmedAt;
        return confirmed == 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - confirmed);
    }

    public long lastSeq() {
        return lastSeq;
    }

    public String problem() {
        return problem;
    }

    void start(@Observes StartupEvent started) {
        if (!enabled()) {
            LOG.warn("no revocation feed (tidbcloud.revocation.auth-service-url / TIDBCLOUD_AUTH_SERVICE_URL unset): "
                    + "revoked tokens are accepted until they expire");
            return;
        }
        if (config.clientSecret().filter(s -> !s.isBlank()).isEmpty()) {
            LOG.error(
                    "no client secret for the revocation feed (TIDBCLOUD_CLOUD_API_SECRET): authenticated requests get 503");
        }
        running = true;
        reader = new Thread(this::subscribeForever, "revocation-feed");
        reader.setDaemon(true);
        reader.start();
        long sweepMillis = config.sweepInterval().toMillis();
        timers.scheduleWithFixedDelay(
                () -> denySet.sweep(System.currentTimeMillis()), sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
        // A feed that goes silent without closing (a lost network path) is cut, so that we reconnect.
        long watchMillis = Math.max(200, config.stalenessBound().toMillis() / 2);
        timers.scheduleWithFixedDelay(this::cutSilentFeed, watchMillis, watchMillis, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) {
        running = false;
        timers.shutdownNow();
        closeBody();
        if (reader != null) {
            reader.interrupt();
        }
    }

    private void subscribeForever() {
        long delay = config.reconnectDelay().toMillis();
        while (running) {
            connected = false;
            try {
                readFeed();
            } catch (IOException | RuntimeException e) {
                problem = "feed lost: " + describe(e);
                LOG.debugf("revocation feed: %s", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (connected) {
                // The feed was up, so this loss is new: retry soon, not after the backoff of an earlier outage.
                delay = config.reconnectDelay().toMillis();
            }
            if (running) {
                LOG.infof("revocation feed: reconnecting in %d ms (%s)", delay, problem);
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                delay = Math.min(delay * 2, 1000);
            }
        }
    }

    private void readFeed() throws IOException, InterruptedException {
        String feedUrl = stripTrailingSlash(config.authServiceUrl().orElseThrow()) + RevocationEndpoints.FEED_PATH;
        HttpRequest request = HttpRequest.newBuilder(URI.create(feedUrl))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + accessToken())
                .header(HttpHeaders.LAST_EVENT_ID_HEADER, Long.toString(lastSeq))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            if (response.statusCode() == 401) {
                accessToken = null;
            }
            throw new IOException("auth-service answered " + response.statusCode());
        }
        body = response.body();
        connected = true;
        lastLineAt = System.nanoTime();
        problem = "catching up";
        LOG.infof("revocation feed: connected to %s after %d", feedUrl, lastSeq);
        boolean caughtUp = false;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String name = "message";
            String id = null;
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                lastLineAt = System.nanoTime();
                if (!line.isEmpty()) {
                    if (line.startsWith("event:")) {
                        name = line.substring(6).trim();
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).trim();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).trim());
                    }
                    continue;
                }
                switch (name) {
                    case RevocationEndpoints.REVOCATION_EVENT -> {
                        denySet.add(json.readValue(data.toString(), RevocationEvent.class));
                        if (id != null) {
                            lastSeq = Long.parseLong(id);
                        }
                        if (caughtUp) {
                            confirmedAt = System.nanoTime();
                        }
                    }
                    case RevocationEndpoints.CAUGHT_UP_EVENT -> {
                        caughtUp = true;
                        confirmedAt = System.nanoTime();
                        problem = null;
                        LOG.infof(
                                "revocation feed: caught up at %d (%d revocations in force)", lastSeq, denySet.size());
                    }
                    case RevocationEndpoints.HEARTBEAT_EVENT -> {
                        if (caughtUp) {
                            confirmedAt = System.nanoTime();
                        }
                    }
                    default -> {
                        // comments and unknown events only keep the line alive
                    }
                }
                name = "message";
                id = null;
                data.setLength(0);
            }
        } finally {
            body = null;
        }
        throw new IOException("auth-service closed the feed");
    }

    /** What went wrong, for readiness and the log; by exception type, as some carry no message. */
    private String describe(Exception e) {
        if (e instanceof java.net.ConnectException) {
            return "cannot connect to " + config.authServiceUrl().orElse("auth-service");
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "auth-service did not answer in time";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private void cutSilentFeed() {
        if (body != null
                && System.nanoTime() - lastLineAt > config.stalenessBound().toNanos()) {
            LOG.warn("revocation feed silent longer than the staleness bound: reconnecting");
            closeBody();
        }
    }

    private void closeBody() {
        InputStream current = body;
        if (current != null) {
            try {
                current.close();
            } catch (IOException ignored) {
                // closing to unblock the reader
            }
        }
    }

    /**
     * A client-credentials access token of client cloud-api, reused while it has more than half its
     * lifetime or 30 s left, whichever is less. Only a new subscription presents it (an open feed
     * outlives it), so it must still be valid when auth-service checks it, after a reconnect that may
     * come at any moment; Keycloak also rounds a token's expiry down to the second.
     */
    private String accessToken() throws IOException, InterruptedException {
        if (accessToken != null && System.currentTimeMillis() < accessTokenExpiresAt) {
            return accessToken;
        }
        long requestedAt = System.currentTimeMillis();
        String form = "grant_type=client_credentials&client_id=" + encode(config.clientId()) + "&client_secret="
                + encode(config.clientSecret().orElse(""));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(config.tokenUrl()))
                        .timeout(Duration.ofSeconds(5))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("Keycloak refused the client-credentials grant for " + config.clientId() + ": HTTP "
                    + response.statusCode());
        }
        JsonNode token = json.readTree(response.body());
        accessToken = token.path("access_token").asText();
        long lifetimeMillis = TimeUnit.SECONDS.toMillis(token.path("expires_in").asLong(60));
        accessTokenExpiresAt =
                requestedAt + lifetimeMillis - Math.min(TimeUnit.SECONDS.toMillis(30), lifetimeMillis / 2);
        return accessToken;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
