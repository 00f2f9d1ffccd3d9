package io.tidbcloud.cli.auth;

import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import java.io.IOException;
import java.net.URI;

/**
 * RFC 6749 section 6, refreshing an access token. With rotation on, the
 * answer carries a new refresh token and the old one is dead from then on.
 */
public final class TokenRefresh {

    private final OAuthHttp http;
    private final URI tokenEndpoint;
    /**
     * A String until a refresh is sent: every API call builds a TokenRefresh, few use it, and Nimbus's
     * {@link ClientID} seeds a {@code SecureRandom} when its class is first loaded.
     */
    private final String clientId;

    public TokenRefresh(OAuthHttp http, URI tokenEndpoint, String clientId) {
        this.http = http;
        this.tokenEndpoint = tokenEndpoint;
        this.clientId = clientId;
    }

    /**
     * @throws OAuthProtocolException with {@code invalid_grant} when the refresh
     *         token was revoked, expired, or its session ended
     */
    public IssuedTokens refresh(String refreshToken) throws IOException, InterruptedException, OAuthProtocolException {
        HTTPRequest request = new TokenRequest.Builder(
                        tokenEndpoint, new ClientID(clientId), new RefreshTokenGrant(new RefreshToken(refreshToken)))
                .build()
                .toHTTPRequest();
        HTTPResponse response = http.send(request);
        TokenResponse parsed;
        try {
            parsed = TokenResponse.parse(response);
        } catch (ParseException notOAuth) {
            throw OAuthHttp.unexpected(request, response);
        }
        if (!parsed.indicatesSuccess()) {
            ErrorObject error = parsed.toErrorResponse().getErrorObject();
            throw OAuthHttp.error(request, response, error);
        }
        return IssuedTokens.from(parsed.toSuccessResponse());
    }
}
