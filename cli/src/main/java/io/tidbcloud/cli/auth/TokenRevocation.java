package io.tidbcloud.cli.auth;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Token;
import java.io.IOException;
import java.net.URI;

/**
 * RFC 7009 token revocation, with {@code token_type_hint}. Revoking the
 * refresh token ends the Keycloak session behind it; the access token is
 * revoked as well so that it stops working before it expires.
 */
public final class TokenRevocation {

    private final OAuthHttp http;
    private final URI revocationEndpoint;
    private final ClientID clientId;

    public TokenRevocation(OAuthHttp http, URI revocationEndpoint, String clientId) {
        this.http = http;
        this.revocationEndpoint = revocationEndpoint;
        this.clientId = new ClientID(clientId);
    }

    public void revokeRefreshToken(String refreshToken)
            throws IOException, InterruptedException, OAuthProtocolException {
        revoke(new RefreshToken(refreshToken));
    }

    public void revokeAccessToken(String accessToken) throws IOException, InterruptedException, OAuthProtocolException {
        revoke(new BearerAccessToken(accessToken));
    }

    private void revoke(Token token) throws IOException, InterruptedException, OAuthProtocolException {
        // Nimbus sets token_type_hint from the token's class: refresh_token or access_token.
        HTTPRequest request = new TokenRevocationRequest(revocationEndpoint, clientId, token).toHTTPRequest();
        HTTPResponse response = http.send(request);
        // RFC 7009 section 2.2: 200 also for tokens that were already invalid.
        if (response.getStatusCode() == 200) {
            return;
        }
        try {
            throw OAuthHttp.error(
                    request, response, TokenErrorResponse.parse(response).getErrorObject());
        } catch (ParseException notOAuth) {
            throw OAuthHttp.unexpected(request, response);
        }
    }
}
