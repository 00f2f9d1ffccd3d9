package io.tidbcloud.cli.auth;

import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.device.DeviceCodeGrant;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.io.IOException;
import java.net.URI;

/**
 * RFC 8628 section 3.4, the device access token request, and section 3.5,
 * its response: one poll of the token endpoint with the device code.
 */
public final class DeviceAccessTokenRequest {

    /** The outcome of one poll (RFC 8628 section 3.5). */
    public sealed interface Result {

        /** "authorization_pending": the person has not finished yet; poll again after the interval. */
        record Pending() implements Result {}

        /** "slow_down": still pending, and the interval MUST grow by 5 seconds for this and later polls. */
        record SlowDown() implements Result {}

        /** "access_denied": the person declined. */
        record Denied() implements Result {}

        /** "expired_token": the device code lived out its expires_in; start over. */
        record Expired() implements Result {}

        /** The person approved: the tokens. */
        record Granted(IssuedTokens tokens) implements Result {}
    }

    private final OAuthHttp http;
    private final URI tokenEndpoint;
    private final ClientID clientId;

    public DeviceAccessTokenRequest(OAuthHttp http, URI tokenEndpoint, String clientId) {
        this.http = http;
        this.tokenEndpoint = tokenEndpoint;
        this.clientId = new ClientID(clientId);
    }

    public Result poll(String deviceCode) throws IOException, InterruptedException, OAuthProtocolException {
        HTTPRequest request = new TokenRequest.Builder(
                        tokenEndpoint,
                        clientId,
                        new DeviceCodeGrant(new com.nimbusds.oauth2.sdk.device.DeviceCode(deviceCode)))
                .build()
                .toHTTPRequest();
        HTTPResponse response = http.send(request);
        TokenResponse parsed;
        try {
            parsed = TokenResponse.parse(response);
        } catch (ParseException notOAuth) {
            throw OAuthHttp.unexpected(request, response);
        }
        if (parsed.indicatesSuccess()) {
            return new Result.Granted(IssuedTokens.from(parsed.toSuccessResponse()));
        }
        ErrorObject error = parsed.toErrorResponse().getErrorObject();
        if (error.getCode() == null) {
            throw OAuthHttp.unexpected(request, response);
        }
        return switch (error.getCode()) {
            case "authorization_pending" -> new Result.Pending();
            case "slow_down" -> new Result.SlowDown();
            case "access_denied" -> new Result.Denied();
            case "expired_token" -> new Result.Expired();
            // invalid_grant, invalid_client, invalid_scope...: nothing a further poll can change
            default -> throw OAuthHttp.error(request, response, error);
        };
    }
}
