package io.tidbcloud.cli.credentials;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * The tokens of one signed-in profile, as stored in the credentials file.
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
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Credentials(
        @JsonProperty("oauth_endpoint") String oauthEndpoint,
        @JsonProperty("client_id") String clientId,
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("refresh_token") String refreshToken,
        @JsonProperty("id_token") String idToken,
        @JsonProperty("expires_at") long expiresAt,
        @JsonProperty("scope") String scope,
        @JsonProperty("email") String email) {

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
