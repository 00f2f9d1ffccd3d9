package io.tidbcloud.portal.session;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start without the {@code web-portal} client secret. Quarkus OIDC would otherwise start,
 * generate throw-away cookie keys, and fail only when Keycloak rejects the first code exchange.
 */
@ApplicationScoped
class ClientSecretCheck {

    /** Quarkus OIDC's own minimum for deriving the state and session cookie keys from the secret. */
    static final int MINIMUM_LENGTH = 16;

    void requireSecret(
            @Observes StartupEvent event,
            @ConfigProperty(name = "quarkus.oidc.credentials.secret") Optional<String> secret) {
        if (secret.isEmpty() || secret.get().isBlank()) {
            throw new IllegalStateException("TIDBCLOUD_WEB_PORTAL_SECRET is not set: the portal needs the secret of"
                    + " Keycloak client 'web-portal' (bin/dev keeps it in .dev/secrets.env)");
        }
        if (secret.get().length() < MINIMUM_LENGTH) {
            throw new IllegalStateException(
                    "TIDBCLOUD_WEB_PORTAL_SECRET is shorter than " + MINIMUM_LENGTH + " characters; use 32 or more");
        }
    }
}
