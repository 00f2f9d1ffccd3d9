package io.tidbcloud.keycloak.device;

import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.events.Errors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OAuth2DeviceCodeModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.grants.device.clientpolicy.context.DeviceTokenRequestContext;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyEvent;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.managers.BruteForceProtector;

/**
 * Refuses the device grant's token request (RFC 8628 section 3.4) for a person whom Keycloak's
 * brute-force detection holds locked out, temporarily or permanently.
 *
 * <p>Keycloak 26.7.3's {@code DeviceGrantType} checks that the approving person is still enabled, but
 * never asks the {@link BruteForceProtector}: a device code approved before (or by an SSO session
 * during) a temporary lockout still gets tokens (CVE-2026-88770, fixed in Keycloak 26.7.5). Every
 * other grant that issues tokens for a person without a login form (token exchange, CIBA) asks it.
 * Keycloak raises {@link ClientPolicyEvent#DEVICE_TOKEN_REQUEST} after its own checks and before
 * issuing anything, once the device code has been taken out of the store: a refused code is spent.
 * Keycloak answers the refusal with {@code invalid_grant} and this executor's description, and logs a
 * {@code OAUTH2_DEVICE_CODE_TO_TOKEN_ERROR} event whose error says which lockout it was
 * ({@code user_temporarily_disabled} or {@code user_disabled}).
 *
 * <p>Remove it, with its client profile and policy in the realm files, when we upgrade to Keycloak
 * 26.7.5 or later.
 */
public final class LockedAccountDeviceTokenExecutor
        implements ClientPolicyExecutorProvider<ClientPolicyExecutorConfigurationRepresentation> {

    static final String TEMPORARILY_LOCKED = "Account temporarily locked after too many failed sign-in attempts";
    static final String LOCKED = "Account locked after too many failed sign-in attempts";

    private final KeycloakSession session;

    public LockedAccountDeviceTokenExecutor(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getProviderId() {
        return LockedAccountDeviceTokenExecutorFactory.PROVIDER_ID;
    }

    @Override
    public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
        if (context.getEvent() != ClientPolicyEvent.DEVICE_TOKEN_REQUEST) {
            return;
        }
        OAuth2DeviceCodeModel deviceCode = ((DeviceTokenRequestContext) context).getDeviceCodeModel();
        RealmModel realm = session.getContext().getRealm();
        // Keycloak found this session and its user just before raising the event (or answered already).
        UserSessionModel userSession = session.sessions().getUserSession(realm, deviceCode.getUserSessionId());
        UserModel user = userSession == null ? null : userSession.getUser();
        if (user == null) {
            return;
        }
        String lockout = AuthenticatorUtils.getDisabledByBruteForceEventError(
                session.getProvider(BruteForceProtector.class), session, realm, user);
        if (lockout != null) {
            throw new ClientPolicyException(
                    lockout,
                    Errors.USER_TEMPORARILY_DISABLED.equals(lockout) ? TEMPORARILY_LOCKED : LOCKED,
                    Response.Status.BAD_REQUEST);
        }
    }
}
