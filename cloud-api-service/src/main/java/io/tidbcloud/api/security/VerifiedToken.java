package io.tidbcloud.api.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.tidbcloud.resourceserver.revocation.RevocationKeys;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What {@link AccessFilter} reads from a verified access token: who calls (and with which scopes)
 * and what a revocation could cover. Read once per token and kept with its remembered identity
 * ({@link VerifiedTokenCache}): reading a claim that MicroProfile JWT does not name (scope,
 * session_state) costs smallrye-jwt a thrown exception each time.
 */
record VerifiedToken(Caller caller, RevocationKeys revocationKeys) {

    /** The identity attribute under which a remembered identity carries its {@code VerifiedToken}. */
    static final String ATTRIBUTE = VerifiedToken.class.getName();

    static VerifiedToken of(JsonWebToken token) {
        return new VerifiedToken(Caller.from(token), RevocationKeys.of(token));
    }

    /** The one the identity carries, or read now from its token. */
    static VerifiedToken of(SecurityIdentity identity, JsonWebToken token) {
        VerifiedToken remembered = identity.getAttribute(ATTRIBUTE);
        return remembered != null ? remembered : of(token);
    }
}
