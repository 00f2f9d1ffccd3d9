package io.tidbcloud.api.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Hands every identity quarkus-oidc has just verified to {@link VerifiedTokenCache}. It runs
 * first among the augmentors, so the cache keeps the identity as verified and any other augmentor
 * applies to a remembered identity exactly as to a fresh one.
 */
@ApplicationScoped
public class VerifiedTokenRecorder implements SecurityIdentityAugmentor {

    private static final Logger LOG = Logger.getLogger(VerifiedTokenRecorder.class);

    @Inject
    VerifiedTokenCache cache;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        VerifiedToken token = null;
        try {
            token = cache.remember(identity);
        } catch (RuntimeException unexpected) {
            // A claim of an unexpected type, say: the token stays valid, it just is not remembered.
            LOG.debugf(unexpected, "verified token not remembered");
        }
        if (token == null) {
            return Uni.createFrom().item(identity);
        }
        // What the cache read from the token goes with this request too: AccessFilter need not read it again.
        return Uni.createFrom()
                .item(QuarkusSecurityIdentity.builder(identity)
                        .addAttribute(VerifiedToken.ATTRIBUTE, token)
                        .build());
    }

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }
}
