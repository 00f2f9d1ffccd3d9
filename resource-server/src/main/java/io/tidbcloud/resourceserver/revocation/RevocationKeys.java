package io.tidbcloud.resourceserver.revocation;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What of a verified access token a revocation can cover: the token itself ({@code jti}), its
 * session ({@code sid}, or Keycloak's older {@code session_state}), the client it was issued to
 * ({@code azp}), its user ({@code sub}), and when it was issued ({@code iat}, seconds).
 */
public record RevocationKeys(String tokenId, String sessionId, String clientId, String subject, long issuedAt) {

    public static RevocationKeys of(JsonWebToken token) {
        Object sid = token.getClaim("sid");
        if (sid == null) {
            sid = token.getClaim("session_state");
        }
        Object azp = token.getClaim("azp");
        return new RevocationKeys(
                token.getTokenID(),
                sid == null ? null : sid.toString(),
                azp == null ? null : azp.toString(),
                token.getSubject(),
                token.getIssuedAtTime());
    }
}
