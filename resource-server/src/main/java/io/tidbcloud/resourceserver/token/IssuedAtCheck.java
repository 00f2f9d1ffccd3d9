package io.tidbcloud.resourceserver.token;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses an access token that claims to be issued in the future ({@code iat} later than now plus
 * {@link #CLOCK_SKEW_SECONDS}). jose4j, under quarkus-oidc, checks {@code exp} and {@code nbf} but
 * not that {@code iat} has passed; Keycloak never issues such a token, so one that claims it was
 * made by someone else, or by a clock far off, and would live longer than the realm allows. It
 * runs on every request, also for an identity a service remembered from an earlier verification.
 */
@ApplicationScoped
public class IssuedAtCheck implements SecurityIdentityAugmentor {

    /** How far the authorization server's clock may run ahead of ours. */
    static final long CLOCK_SKEW_SECONDS = 60;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken token
                && token.getIssuedAtTime() > System.currentTimeMillis() / 1000 + CLOCK_SKEW_SECONDS) {
            return Uni.createFrom().failure(new AuthenticationFailedException(new IssuedInTheFutureException()));
        }
        return Uni.createFrom().item(identity);
    }

    /** Why the token was refused (the cause of the authentication failure), named in the {@code invalid_token} challenge. */
    public static final class IssuedInTheFutureException extends RuntimeException {

        IssuedInTheFutureException() {
            super("token issued in the future", null, false, false);
        }
    }
}
