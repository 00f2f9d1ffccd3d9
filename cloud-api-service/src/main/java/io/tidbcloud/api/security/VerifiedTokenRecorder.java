package io.tidbcloud.api.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Hands every identity quarkus-oidc has just verified to {@link VerifiedTokenCache}. It runs
 * first among the augmentors, so the cache keeps the identity as verified and any other augmentor
 * applies to a remembered identity exactly as to a fresh one.
 */
@ApplicationScoped
public class VerifiedTokenRecorder implements SecurityIdentityAugmentor {

    @Inject
    VerifiedTokenCache cache;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        cache.remember(identity);
        return Uni.createFrom().item(identity);
    }

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }
}
