package io.tidbcloud.auth.revocation;

import io.tidbcloud.contract.revocation.InitiatingEntity;
import io.tidbcloud.contract.revocation.RevocationEvent;
import io.tidbcloud.contract.revocation.SubjectId;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Revocations auth-service makes itself, for what Keycloak's listener does not report: a deleted
 * application (Keycloak emits no event that names its tokens), and a consent the person revoked in the
 * portal: Keycloak's listener forwards that one too (an {@code ACTION} admin event), but only after
 * Keycloak's transaction, on its own time; the one made here is stored before the portal is answered.
 * Both cover the same tokens, so the second changes nothing. They are stored and pushed like the ones
 * Keycloak delivers: auth-service is the feed.
 * The store commits each one on its own before the feed is woken ({@link RevocationStore#insertNew}),
 * also when the caller runs in a transaction (an app's deletion does).
 */
@ApplicationScoped
public class RevocationPublisher {

    /** auth-service's own reasons, beside Keycloak's actions. */
    public static final String DELETE_APPLICATION = "DELETE_APPLICATION";

    public static final String REVOKE_CONSENT = "REVOKE_CONSENT";

    private final RevocationService revocations;
    private final RevocationConfig config;
    private final Clock clock = Clock.systemUTC();

    RevocationPublisher(RevocationService revocations, RevocationConfig config) {
        this.revocations = revocations;
        this.config = config;
    }

    /** Every token ever issued to {@code clientId} (its {@code azp}), whoever it acted for. */
    public void applicationDeleted(String issuer, String clientId, Optional<Duration> clientLifespan) {
        publish(issuer, SubjectId.complex(issuer, null, null, clientId), clientLifespan, DELETE_APPLICATION);
    }

    /** Every token the person gave {@code clientId}. */
    public void consentRevoked(String issuer, String userId, String clientId, Optional<Duration> clientLifespan) {
        publish(issuer, SubjectId.complex(issuer, userId, null, clientId), clientLifespan, REVOKE_CONSENT);
    }

    private void publish(String issuer, SubjectId subject, Optional<Duration> clientLifespan, String reason) {
        long now = clock.millis();
        Duration lifespan = clientLifespan
                .filter(own -> own.compareTo(config.accessTokenLifespan()) > 0)
                .orElse(config.accessTokenLifespan());
        long maxTokenExpMillis = now + lifespan.toMillis() + config.leeway().toMillis();
        RevocationEvent revocation = RevocationEvent.of(
                UUID.randomUUID().toString(),
                issuer,
                subject,
                Math.floorDiv(now, 1000),
                Math.floorDiv(maxTokenExpMillis + 999, 1000),
                InitiatingEntity.USER,
                reason);
        Optional<String> problem = revocations.record(List.of(revocation));
        if (problem.isPresent()) {
            // ours, so a bug: never a silent miss of a revocation
            throw new IllegalStateException("auth-service made a revocation it cannot store: " + problem.get());
        }
    }
}
