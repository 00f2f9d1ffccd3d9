package io.tidbcloud.keycloak.device;

import java.util.HashMap;
import java.util.Map;
import org.keycloak.OAuth2Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OAuth2DeviceCodeModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.protocol.oidc.grants.device.endpoints.DeviceEndpoint;

/**
 * The scope kept with a device code. Keycloak's device grant issues the token for the scope stored
 * with the device code at {@code /auth/device} time (its {@code DeviceGrantType} reads it from the
 * single-use store entry {@code dc.<deviceCode>}), not for the authentication session's: a scope
 * narrowed by the person has to be written into that entry too.
 */
public final class StoredDeviceCodeScope {

    private StoredDeviceCodeScope() {}

    /**
     * Replaces the scope of the pending device code behind a verified user code.
     *
     * @return false when the device code is gone (expired or used): nothing to narrow
     * @throws IllegalStateException when Keycloak no longer keeps the scope where this expects it
     */
    public static boolean replace(KeycloakSession session, RealmModel realm, String userCode, String scope) {
        OAuth2DeviceCodeModel deviceCode = DeviceEndpoint.getDeviceByUserCode(session, realm, userCode);
        if (deviceCode == null) {
            return false;
        }
        SingleUseObjectProvider store = session.singleUseObjects();
        Map<String, String> stored = store.get(deviceCode.serializeKey());
        if (stored == null) {
            return false;
        }
        Map<String, String> narrowed = new HashMap<>(stored);
        narrowed.put(OAuth2Constants.SCOPE, scope);
        // Keycloak's entry format is not an API: check that it reads back the scope written.
        String readBack = OAuth2DeviceCodeModel.fromCache(realm, deviceCode.getDeviceCode(), narrowed)
                .getScope();
        if (!scope.equals(readBack)) {
            throw new IllegalStateException(
                    "Keycloak's device-code entry does not keep its scope under '" + OAuth2Constants.SCOPE + "'");
        }
        return store.replace(deviceCode.serializeKey(), narrowed);
    }
}
