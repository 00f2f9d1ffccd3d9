package io.tidbcloud.keycloak.device;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Registers {@link DeviceConfirmationRequiredAction} as required action {@value #PROVIDER_ID}; the
 * realm enables it ({@code requiredActions} of {@code infra/keycloak/tidbcloud-realm.json}) with a
 * priority before the scope selection.
 */
public final class DeviceConfirmationRequiredActionFactory implements RequiredActionFactory {

    public static final String PROVIDER_ID = "tidbcloud-device-confirmation";

    private static final DeviceConfirmationRequiredAction INSTANCE = new DeviceConfirmationRequiredAction();

    @Override
    public String getDisplayText() {
        return "Device confirmation (RFC 8628 section 5.4)";
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return INSTANCE;
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
