package io.tidbcloud.keycloak.device;

import io.tidbcloud.contract.login.IdentityProvider;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.keycloak.constants.AdapterConstants;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OAuth2DeviceCodeModel;
import org.keycloak.protocol.LoginProtocol;
import org.keycloak.protocol.oidc.grants.device.DeviceGrantType;
import org.keycloak.protocol.oidc.grants.device.endpoints.DeviceEndpoint;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Keycloak's device endpoint ({@code /realms/<realm>/device}) that also honours an identity-provider
 * hint, so that {@code ticloud auth login --idp microsoft} skips the provider page.
 *
 * <p>Keycloak 26.7 verifies the user code, creates the authentication session and redirects to
 * {@code /login-actions/authenticate}; the Identity Provider Redirector of the browser flow runs
 * there and finds {@code kc_idp_hint} neither in that URL nor in the session. This endpoint puts a
 * valid hint ({@link IdentityProviderHint}) into the session's client note {@code kc_idp_hint},
 * which the redirector reads, just before that redirect. It also marks a session whose code came
 * in the complete verification link, for {@link DeviceConfirmationRequiredAction}. Everything else
 * is Keycloak's.
 */
public class TidbcloudDeviceEndpoint extends DeviceEndpoint {

    public TidbcloudDeviceEndpoint(KeycloakSession session, EventBuilder event) {
        super(session, event);
    }

    @Override
    protected Response handleBrowserAuthenticationRequest(
            AuthenticationSessionModel authSession,
            LoginProtocol protocol,
            boolean isPassive,
            boolean redirectToAuthentication) {
        IdentityProviderHint.choose(session, linkHint(), deviceRequestHint(authSession))
                .ifPresent(alias -> authSession.setClientNote(AdapterConstants.KC_IDP_HINT, alias));
        if (cameFromCompleteVerificationLink()) {
            authSession.setClientNote(DeviceConfirmationRequiredAction.PENDING_NOTE, "true");
        }
        return super.handleBrowserAuthenticationRequest(authSession, protocol, isPassive, redirectToAuthentication);
    }

    /**
     * The code arrived in {@code verification_uri_complete} ({@code GET /device?user_code=...}) rather
     * than typed into the form ({@code POST}): the person has not necessarily seen it.
     */
    private boolean cameFromCompleteVerificationLink() {
        return HttpMethod.GET.equals(session.getContext().getHttpRequest().getHttpMethod());
    }

    /** {@code kc_idp_hint} of the verification link (GET); a typed code (POST) has none. */
    private String linkHint() {
        return session.getContext().getUri().getQueryParameters().getFirst(AdapterConstants.KC_IDP_HINT);
    }

    /** The hint the device sent with its authorization request, kept with the device code. */
    private String deviceRequestHint(AuthenticationSessionModel authSession) {
        String userCode = authSession.getClientNote(DeviceGrantType.OAUTH2_DEVICE_VERIFIED_USER_CODE);
        if (userCode == null) {
            return null;
        }
        OAuth2DeviceCodeModel deviceCode = getDeviceByUserCode(session, realm, userCode);
        Map<String, String> params = deviceCode == null ? null : deviceCode.getAdditionalParams();
        return params == null ? null : params.get(IdentityProvider.DEVICE_HINT_PARAMETER);
    }
}
