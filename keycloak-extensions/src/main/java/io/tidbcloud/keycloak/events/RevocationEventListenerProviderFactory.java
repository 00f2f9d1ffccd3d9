package io.tidbcloud.keycloak.events;

import io.tidbcloud.contract.revocation.RevocationEndpoints;
import java.time.Duration;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Event listener {@value #PROVIDER_ID}: forwards revocations to auth-service. Enable it in a realm's
 * {@code eventsListeners}. Options (Keycloak 26 SPI syntax), each with a default:
 * <ul>
 *   <li>{@code --spi-events-listener--tidbcloud-revocation--url}: auth-service base URL, default {@value #DEFAULT_URL}</li>
 *   <li>{@code --spi-events-listener--tidbcloud-revocation--secret}: shared secret, default env {@value #SECRET_ENV}</li>
 *   <li>{@code --spi-events-listener--tidbcloud-revocation--capacity}: buffered revocations, default {@value #DEFAULT_CAPACITY}</li>
 *   <li>{@code --spi-events-listener--tidbcloud-revocation--backoff}: longest retry pause in ms, default {@value #DEFAULT_BACKOFF_MS}</li>
 *   <li>{@code --spi-events-listener--tidbcloud-revocation--leeway}: seconds added to the covered expiry, default {@value #DEFAULT_LEEWAY_SECONDS}</li>
 * </ul>
 * Env form: {@code KC_SPI_EVENTS_LISTENER__TIDBCLOUD_REVOCATION__URL} and so on.
 */
public class RevocationEventListenerProviderFactory implements EventListenerProviderFactory {

    public static final String PROVIDER_ID = "tidbcloud-revocation";
    static final String DEFAULT_URL = "http://localhost:8081";
    static final String SECRET_ENV = "TIDBCLOUD_EVENTS_SECRET";
    static final int DEFAULT_CAPACITY = 10_000;
    static final int DEFAULT_BACKOFF_MS = 1000;
    static final int DEFAULT_LEEWAY_SECONDS = 30;

    private static final Logger LOG = Logger.getLogger(RevocationEventListenerProviderFactory.class);

    private RevocationForwarder forwarder;
    private long leewayMillis;

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new RevocationEventListenerProvider(session, new RevocationEvents(session, leewayMillis), forwarder);
    }

    @Override
    public void init(Config.Scope config) {
        String url = config.get("url", DEFAULT_URL);
        String secret = config.get("secret", System.getenv(SECRET_ENV));
        if (secret == null || secret.isBlank()) {
            LOG.warnf(
                    "%s: no secret (option 'secret' or env %s): auth-service will refuse the revocations",
                    PROVIDER_ID, SECRET_ENV);
            secret = "";
        }
        int capacity = config.getInt("capacity", DEFAULT_CAPACITY);
        int backoff = config.getInt("backoff", DEFAULT_BACKOFF_MS);
        leewayMillis = config.getInt("leeway", DEFAULT_LEEWAY_SECONDS) * 1000L;
        forwarder = new RevocationForwarder(url, secret, capacity, Duration.ofMillis(backoff));
        LOG.infof(
                "%s: forwarding revocations to %s%s (buffer %d)",
                PROVIDER_ID, url, RevocationEndpoints.INGEST_PATH, capacity);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {
        if (forwarder != null) {
            forwarder.close();
        }
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
