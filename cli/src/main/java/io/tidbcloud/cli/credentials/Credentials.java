package io.tidbcloud.cli.credentials;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The tokens of one signed-in profile, as stored in the credentials file ({@link CredentialsJson}).
 *
 * @param oauthEndpoint   the realm that issued them; tokens are never sent on behalf of another one
 * @param clientId        the client they were issued to (revocation and refresh need it)
 * @param accessToken     bearer token for the API
 * @param refreshToken    RFC 6749 refresh token; replaced on every refresh (rotation)
 * @param idToken         OpenID Connect ID token, kept for the signed-in identity
 * @param issuedAt        when the access token was issued, epoch seconds by this computer's clock; 0 when not
 *                        known (stored by an older ticloud). With {@code expiresAt} it gives the token's lifetime
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
        long issuedAt,
        long expiresAt,
        String scope,
        String email) {

    public Instant accessTokenExpiry() {
        return Instant.ofEpochSecond(expiresAt);
    }

    /** How long the access token was issued for; empty when that is not known. */
    public Optional<Duration> accessTokenLifetime() {
        return issuedAt > 0 && expiresAt > issuedAt
                ? Optional.of(Duration.ofSeconds(expiresAt - issuedAt))
                : Optional.empty();
    }

    /** Tokens are secrets: never let them reach a log or an error message. */
    @Override
    public String toString() {
        return "Credentials[oauthEndpoint=" + oauthEndpoint + ", clientId=" + clientId + ", expiresAt="
                + accessTokenExpiry() + ", scope=" + scope + ", email=" + email + "]";
    }
}
