package io.tidbcloud.keycloak.events;

/**
 * What auth-service receives: one revocation, naming the tokens it covers by {@link Covers}.
 *
 * @param id unique per revocation, so that a retried delivery is stored once
 * @param covers which tokens are revoked, i.e. which fields below identify them
 * @param cause the Keycloak action behind it (LOGOUT, REVOKE_GRANT, ADMIN_SESSION_DELETE, ...)
 * @param realm the realm name
 * @param subject the user id ({@code sub} of the tokens), when known
 * @param sessionId the user session id ({@code sid}), when the revocation names one
 * @param clientId the client whose tokens are revoked ({@code azp}), when it names one
 * @param tokenId the access token id ({@code jti}) of an RFC 7009 access-token revocation
 * @param time when Keycloak revoked, epoch milliseconds; tokens issued later are not covered
 * @param expiresAt epoch milliseconds after which no covered token can still be valid
 */
public record RevocationEvent(
        String id,
        Covers covers,
        String cause,
        String realm,
        String subject,
        String sessionId,
        String clientId,
        String tokenId,
        long time,
        long expiresAt) {

    /** The closed set of token groups a revocation can name. */
    public enum Covers {
        /** Every token of a user session (logout, an admin ending the session). */
        SESSION,
        /** One client's tokens in a user session (an RFC 7009 refresh-token revocation). */
        SESSION_CLIENT,
        /** One access token (an RFC 7009 access-token revocation). */
        TOKEN,
        /** Every token a user gave one client (a consent revoked). */
        SUBJECT_CLIENT,
        /** Every token of a user (logged out everywhere, disabled, deleted). */
        SUBJECT
    }
}
