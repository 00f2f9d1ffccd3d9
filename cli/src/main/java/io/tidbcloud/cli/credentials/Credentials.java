package io.tidbcloud.cli.credentials;

import java.time.Instant;

/**
 * The tokens of one signed-in profile, as stored in the credentials file ({@link CredentialsJson}).
 *
 * @param oauthEndpoint   the realm that issued them; tokens are never sent on behalf of another one
 * @param clientId        the client they were issued to (revocation and refresh need it)
 * @param accessToken     bearer token for the API
 * @param refreshToken    RFC 6749 refresh token; replaced on every refresh (rotation)
 * @param idToken         OpenID Connect ID token, kept for the signed-in identity
 * @param expiresAt       access token expiry, epoch seconds
 * @param scope           granted scopes, space-separated
 * @param email           the signed-in person's email, from the ID token
 */
public record Credentials(
        String oauthEndpoint,
        String clientId,
        String accessToken,
        String refreshToken,
        String idToken,
        long expiresAt,
        String scope,
        String email) {

    public Instant accessTokenExpiry() {
        return Instant.ofEpochSecond(expiresAt);
    }

    /** Tokens are secrets: never let them reach a log or an error message. */
    @Override
    public String toString() {
        return "Credentials[oauthEndpoint=" + oauthEndpoint + ", clientId=" + clientId
                + ", expiresAt=" + accessTokenExpiry() + ", scope=" + scope + ", email=" + email + "]";
    }
}
