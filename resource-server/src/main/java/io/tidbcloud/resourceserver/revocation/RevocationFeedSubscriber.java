package io.tidbcloud.resourceserver.revocation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.OidcClientConfigBuilder;
import io.quarkus.oidc.client.OidcClients;
import io.quarkus.oidc.client.Tokens;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.tidbcloud.contract.revocation.RevocationEndpoints;
import io.tidbcloud.contract.revocation.RevocationEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.WebApplicationException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.client.SseEvent;

/**
 * Keeps this instance subscribed to auth-service's revocation feed: a client-credentials token from
 * quarkus-oidc-client, the server-sent events through the REST client into the {@link DenySet},
 * resumed after the last event id seen, and the time the feed last confirmed that nothing is missing
 * (the {@code caught-up} marker, each later event and each heartbeat). {@link #isFresh()} is what
 * the request path and readiness ask.
 *
 * <p>A subscription ends when auth-service closes it, when it fails, or when it has been silent
 * longer than the staleness bound (a lost network path closes nothing); the next one starts after a
 * pause that doubles from {@code reconnect-delay} up to a second.
 *
 * <p>On {@code /q/metrics} (when the feed is configured): {@code tidbcloud_revocation_feed_connected}
 * (1 while a subscription is open), {@code tidbcloud_revocation_feed_staleness_seconds} (since the
 * feed last confirmed that nothing is missing: its last event or heartbeat once caught up; NaN before
 * the first catch-up) beside {@code tidbcloud_revocation_feed_staleness_bound_seconds},
 * {@code tidbcloud_revocation_feed_events_total}, {@code tidbcloud_revocation_feed_event_lag_seconds}
 * (a timer: from Keycloak's revocation to its arrival here, for events that arrive live, at the
 * whole-second resolution of the event's {@code event_timestamp}) and
 * {@code tidbcloud_revocation_deny_set_entries}.
 */
@ApplicationScoped
public class RevocationFeedSubscriber {

    private static final Logger LOG = Logger.getLogger(RevocationFeedSubscriber.class);
    private static final String OIDC_CLIENT_ID = "tidbcloud-revocation-feed";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** A token is reused while it has more than this, or half its lifetime, left (whichever is less). */
    private static final long TOKEN_MARGIN_SECONDS = 30;

    private final RevocationConfig config;
    private final DenySet denySet;
    private final ObjectMapper json;
    private final OidcClients oidcClients;
    private final MeterRegistry metrics;
    private Counter eventsReceived;
    private Timer eventLag;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "revocation-feed-timer");
        thread.setDaemon(true);
        return thread;
    });

    private volatile boolean running;
    private OidcClient oidcClient;
    private RevocationFeedClient feed;
    private volatile Subscription current;
    private volatile long reconnectDelayMillis;
    /** System.nanoTime() of the feed's last word that nothing is missing; 0 before the first catch-up. */
    private volatile long confirmedAt;

    private volatile long lastSeq;
    private volatile String problem = "not yet connected";
    private volatile boolean connected;

    private volatile Tokens tokens;
    private volatile long tokenReusableUntil;

    RevocationFeedSubscriber(
            RevocationConfig config,
            DenySet denySet,
            ObjectMapper json,
            OidcClients oidcClients,
            MeterRegistry metrics) {
        this.config = config;
        this.denySet = denySet;
        this.json = json;
        this.oidcClients = oidcClients;
        this.metrics = metrics;
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
        String secret = config.clientSecret().filter(s -> !s.isBlank()).orElse(null);
        if (secret == null) {
            LOG.error(
                    "no client secret for the revocation feed (TIDBCLOUD_CLOUD_API_SECRET): authenticated requests get 503");
        }
        OidcClientConfigBuilder oidc = new OidcClientConfigBuilder()
                .id(OIDC_CLIENT_ID)
                .discoveryEnabled(false)
                .tokenPath(config.tokenUrl())
                .clientId(config.clientId())
                .connectionTimeout(CONNECT_TIMEOUT);
        if (secret != null) {
            oidc.credentials(secret);
        }
        registerMeters();
        oidcClient = oidcClients.newClient(oidc.build()).await().atMost(Duration.ofSeconds(10));
        feed = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(config.authServiceUrl().orElseThrow()))
                .connectTimeout(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .build(RevocationFeedClient.class);
        running = true;
        reconnectDelayMillis = config.reconnectDelay().toMillis();
        subscribe();
        long sweepMillis = config.sweepInterval().toMillis();
        timers.scheduleWithFixedDelay(
                () -> denySet.sweep(System.currentTimeMillis()), sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
        long watchMillis = Math.max(200, config.stalenessBound().toMillis() / 2);
        timers.scheduleWithFixedDelay(this::cutSilentFeed, watchMillis, watchMillis, TimeUnit.MILLISECONDS);
    }

    private void registerMeters() {
        Gauge.builder("tidbcloud.revocation.feed.connected", () -> connected ? 1 : 0)
                .description("1 while this instance is subscribed to auth-service's revocation feed, else 0")
                .register(metrics);
        Gauge.builder("tidbcloud.revocation.feed.staleness", () -> {
                    long stale = staleForMillis();
                    return stale < 0 ? Double.NaN : stale / 1000.0;
                })
                .baseUnit("seconds")
                .description("Time since the feed last confirmed the deny set complete (last event or heartbeat)")
                .register(metrics);
        Gauge.builder(
                        "tidbcloud.revocation.feed.staleness.bound",
                        () -> config.stalenessBound().toMillis() / 1000.0)
                .baseUnit("seconds")
                .description("Past this staleness, requests with a token are refused (503) until the feed catches up")
                .register(metrics);
        Gauge.builder("tidbcloud.revocation.deny.set.entries", denySet::size)
                .description("Revocations in force in this instance's deny set")
                .register(metrics);
        eventsReceived = Counter.builder("tidbcloud.revocation.feed.events")
                .description("Revocation events received from the feed (replays after a reconnect included)")
                .register(metrics);
        eventLag = Timer.builder("tidbcloud.revocation.feed.event.lag")
                .description("From a revocation at Keycloak to its arrival here, for events received live")
                .register(metrics);
    }

    void stop(@Observes ShutdownEvent stopping) {
        running = false;
        timers.shutdownNow();
        Subscription subscription = current;
        if (subscription != null) {
            subscription.cancel();
        }
        if (oidcClient != null) {
            try {
                oidcClient.close();
            } catch (java.io.IOException ignored) {
                // closing on the way out
            }
        }
    }

    private void subscribe() {
        if (!running) {
            return;
        }
        Subscription subscription = new Subscription();
        current = subscription;
        subscription.cancellable = accessToken()
                .onItem()
                .transformToMulti(token -> feed.subscribe("Bearer " + token, lastSeq))
                .subscribe()
                .with(subscription::onEvent, subscription::failed, subscription::closed);
    }

    /**
     * A client-credentials access token: the last one while it has more than half its lifetime or 30 s
     * left, whichever is less. Only a new subscription presents it (an open feed outlives it), so it
     * must still be valid when auth-service checks it, after a reconnect that may come at any moment.
     */
    private Uni<String> accessToken() {
        Tokens reusable = tokens;
        if (reusable != null && System.currentTimeMillis() / 1000 < tokenReusableUntil) {
            return Uni.createFrom().item(reusable.getAccessToken());
        }
        long requestedAt = System.currentTimeMillis() / 1000;
        return oidcClient.getTokens().map(fresh -> {
            Long expiresAt = fresh.getAccessTokenExpiresAt();
            long lifetime = expiresAt == null ? 0 : expiresAt - requestedAt;
            tokenReusableUntil = requestedAt + lifetime - Math.min(TOKEN_MARGIN_SECONDS, lifetime / 2);
            tokens = fresh;
            return fresh.getAccessToken();
        });
    }

    private void cutSilentFeed() {
        Subscription subscription = current;
        if (subscription != null
                && System.nanoTime() - subscription.lastHeardAt
                        > config.stalenessBound().toNanos()) {
            LOG.warn("revocation feed silent longer than the staleness bound: reconnecting");
            subscription.cancel();
            subscription.ended("feed silent longer than the staleness bound");
        }
    }

    /** What went wrong, for readiness and the log; by exception type, as some carry no message. */
    private String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return "cannot connect to " + config.authServiceUrl().orElse("auth-service");
            }
            if (cause instanceof TimeoutException) {
                return "auth-service did not answer in time";
            }
            if (cause instanceof WebApplicationException refused) {
                return "auth-service answered " + refused.getResponse().getStatus();
            }
        }
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    /** One subscription, from the token request to its end; the next one is a new object. */
    private final class Subscription {

        private final AtomicBoolean ended = new AtomicBoolean();
        private volatile Cancellable cancellable;
        private volatile long lastHeardAt = System.nanoTime();
        private volatile boolean opened;
        private volatile boolean caughtUp;

        void onEvent(SseEvent<String> event) {
            lastHeardAt = System.nanoTime();
            if (!opened) {
                opened = true;
                connected = true;
                problem = "catching up";
                LOG.infof("revocation feed: subscribed after %d", lastSeq);
            }
            String name = event.name() == null ? "message" : event.name();
            switch (name) {
                case RevocationEndpoints.REVOCATION_EVENT -> {
                    try {
                        RevocationEvent revocation = json.readValue(event.data(), RevocationEvent.class);
                        denySet.add(revocation);
                        eventsReceived.increment();
                        if (caughtUp && revocation.revokedAt() > 0) {
                            eventLag.record(
                                    Math.max(0, System.currentTimeMillis() - revocation.revokedAt() * 1000),
                                    TimeUnit.MILLISECONDS);
                        }
                    } catch (JsonProcessingException e) {
                        cancel();
                        failed(e);
                        return;
                    }
                    if (event.id() != null) {
                        lastSeq = Long.parseLong(event.id());
                    }
                    confirmIfCaughtUp();
                }
                case RevocationEndpoints.CAUGHT_UP_EVENT -> {
                    caughtUp = true;
                    confirmedAt = System.nanoTime();
                    problem = null;
                    LOG.infof("revocation feed: caught up at %d (%d revocations in force)", lastSeq, denySet.size());
                }
                case RevocationEndpoints.HEARTBEAT_EVENT -> confirmIfCaughtUp();
                default -> {
                    // unknown events only show that the feed is alive
                }
            }
        }

        private void confirmIfCaughtUp() {
            if (caughtUp) {
                confirmedAt = System.nanoTime();
            }
        }

        void failed(Throwable failure) {
            if (failure instanceof WebApplicationException refused
                    && refused.getResponse().getStatus() == 401) {
                tokens = null;
            }
            LOG.debugf("revocation feed: %s", failure.toString());
            ended("feed lost: " + describe(failure));
        }

        void closed() {
            ended("feed lost: auth-service closed the feed");
        }

        void cancel() {
            Cancellable subscription = cancellable;
            if (subscription != null) {
                subscription.cancel();
            }
        }

        /** Records why, and starts the next subscription after the pause. */
        void ended(String why) {
            if (!ended.compareAndSet(false, true) || !running) {
                return;
            }
            connected = false;
            problem = why;
            if (opened) {
                // The feed was up, so this loss is new: retry soon, not after the backoff of an earlier outage.
                reconnectDelayMillis = config.reconnectDelay().toMillis();
            }
            long delay = reconnectDelayMillis;
            reconnectDelayMillis = Math.min(delay * 2, 1000);
            LOG.infof("revocation feed: reconnecting in %d ms (%s)", delay, why);
            try {
                timers.schedule(RevocationFeedSubscriber.this::subscribe, delay, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // shutting down
            }
        }
    }
}
