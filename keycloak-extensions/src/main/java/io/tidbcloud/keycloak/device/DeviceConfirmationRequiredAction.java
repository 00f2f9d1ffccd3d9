package io.tidbcloud.keycloak.device;

import io.tidbcloud.keycloak.login.ApplicationName;
import io.tidbcloud.keycloak.login.StatelessRequiredAction;
import jakarta.ws.rs.core.MultivaluedMap;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.models.OAuth2DeviceUserCodeProvider;
import org.keycloak.protocol.oidc.grants.device.DeviceGrantType;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Device Confirmation (RFC 8628 section 5.4, "Remote Phishing"): whoever opened
 * {@code verification_uri_complete} never typed the code, so after sign-in, before anything is
 * granted, this step shows the user code and the application and asks the person to go on only if
 * the code matches the one on their device. {@code confirm} goes on; {@code cancel} denies the
 * device code, so the device's poll gets {@code access_denied}.
 *
 * <p>{@link TidbcloudDeviceEndpoint} marks the authentication session ({@link #PENDING_NOTE}) when
 * the code came in the link; a code typed at the bare {@code verification_uri} is not marked, the
 * person has seen it.
 */
public final class DeviceConfirmationRequiredAction extends StatelessRequiredAction {

    /** The required action's alias; the realm enables it ({@code requiredActions} of {@code infra/keycloak/tidbcloud-realm.json}). */
    public static final String PROVIDER_ID = "tidbcloud-device-confirmation";

    /**
     * Client note of the authentication session: the code came from the complete verification
     * link. A client note, not an auth note: Keycloak clears auth notes whenever the login flow
     * restarts (for example when the person comes back from Google or Microsoft).
     */
    public static final String PENDING_NOTE = "tidbcloud.device-confirmation.pending";

    static final String TEMPLATE = "tidbcloud-device-confirmation.ftl";
    static final String CONFIRM = "confirm";
    static final String CANCEL = "cancel";

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (authSession.getClientNote(PENDING_NOTE) != null
                && DeviceGrantType.isOAuth2DeviceVerificationFlow(authSession)) {
            authSession.addRequiredAction(PROVIDER_ID);
        }
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        context.challenge(context.form()
                .setAttribute("deviceUserCode", displayedUserCode(context))
                .setAttribute(
                        "applicationName",
                        ApplicationName.of(context.getAuthenticationSession().getClient()))
                .createForm(TEMPLATE));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (form.containsKey(CONFIRM)) {
            context.getAuthenticationSession().removeClientNote(PENDING_NOTE);
            context.success();
        } else if (form.containsKey(CANCEL)) {
            // Keycloak answers a failed required action with the protocol's CONSENT_DENIED error: in
            // the device flow that denies the device code (the poll gets access_denied).
            context.failure();
        } else {
            requiredActionChallenge(context);
        }
    }

    private static String displayedUserCode(RequiredActionContext context) {
        String userCode =
                context.getAuthenticationSession().getClientNote(DeviceGrantType.OAUTH2_DEVICE_VERIFIED_USER_CODE);
        return context.getSession()
                .getProvider(OAuth2DeviceUserCodeProvider.class)
                .display(userCode);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayText() {
        return "Device confirmation (RFC 8628 section 5.4)";
    }
}
