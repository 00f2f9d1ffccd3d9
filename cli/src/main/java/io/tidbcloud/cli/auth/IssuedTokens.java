package io.tidbcloud.cli.auth;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import java.time.Duration;

/**
 * A successful token response (RFC 6749 section 5.1), from the device grant
 * or a refresh.
 *
 * @param accessToken  the bearer token
 * @param refreshToken the refresh token, null when the server issued none
 * @param idToken      the OpenID Connect ID token, null when none
 * @param expiresIn    access token lifetime, null when the server did not say
 * @param scope        granted scope, null when the server did not say (then: as requested)
 */
public record IssuedTokens(String accessToken, String refreshToken, String idToken, Duration expiresIn, String scope) {

    static IssuedTokens from(AccessTokenResponse response) {
        AccessToken access = response.getTokens().getAccessToken();
        RefreshToken refresh = response.getTokens().getRefreshToken();
        Object idToken = response.getCustomParameters().get("id_token");
        return new IssuedTokens(
                access.getValue(),
                refresh == null ? null : refresh.getValue(),
                idToken instanceof String value ? value : null,
                access.getLifetime() > 0 ? Duration.ofSeconds(access.getLifetime()) : null,
                access.getScope() == null ? null : access.getScope().toString());
    }

    @Override
    public String toString() {
        return "IssuedTokens[expiresIn=" + expiresIn + ", scope=" + scope + "]";
    }
}
