package io.tidbcloud.cli.auth;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationRequest;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import io.tidbcloud.contract.login.IdentityProvider;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * RFC 8628 section 3.1, the device authorization request, and section 3.2,
 * its response: asks the authorization server for a device code and a user
 * code for the requested scopes.
 */
public final class DeviceAuthorization {

    /** Keycloak's parameter that sends the person straight to one identity provider. */
    public static final String IDP_HINT_PARAMETER = IdentityProvider.HINT_PARAMETER;

    /**
     * The same choice under a name Keycloak keeps with the device code (it drops its own
     * {@code kc_idp_hint} here); the realm's device endpoint (keycloak-extensions) reads it.
     */
    public static final String DEVICE_IDP_HINT_PARAMETER = IdentityProvider.DEVICE_HINT_PARAMETER;

    private final OAuthHttp http;
    private final URI endpoint;
    private final ClientID clientId;

    public DeviceAuthorization(OAuthHttp http, URI endpoint, String clientId) {
        this.http = http;
        this.endpoint = endpoint;
        this.clientId = new ClientID(clientId);
    }

    public DeviceCode request(List<String> scopes, Optional<String> idpHint)
            throws IOException, InterruptedException, OAuthProtocolException {
        DeviceAuthorizationRequest.Builder builder = new DeviceAuthorizationRequest.Builder(clientId)
                .endpointURI(endpoint)
                .scope(new Scope(scopes.toArray(String[]::new)));
        idpHint.ifPresent(hint ->
                builder.customParameter(IDP_HINT_PARAMETER, hint).customParameter(DEVICE_IDP_HINT_PARAMETER, hint));
        HTTPRequest request = builder.build().toHTTPRequest();
        HTTPResponse response = http.send(request);

        DeviceAuthorizationResponse parsed;
        try {
            parsed = DeviceAuthorizationResponse.parse(response);
        } catch (ParseException notOAuth) {
            throw OAuthHttp.unexpected(request, response);
        }
        if (!parsed.indicatesSuccess()) {
            DeviceAuthorizationErrorResponse error = parsed.toErrorResponse();
            throw OAuthHttp.error(request, response, error.getErrorObject());
        }
        DeviceAuthorizationSuccessResponse success = parsed.toSuccessResponse();
        long interval = success.getInterval();
        return new DeviceCode(
                success.getDeviceCode().getValue(),
                success.getUserCode().getValue(),
                success.getVerificationURI(),
                success.getVerificationURIComplete(),
                Duration.ofSeconds(success.getLifetime()),
                interval > 0 ? Duration.ofSeconds(interval) : DeviceCode.DEFAULT_INTERVAL);
    }
}
