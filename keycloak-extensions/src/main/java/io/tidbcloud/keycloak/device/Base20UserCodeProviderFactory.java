package io.tidbcloud.keycloak.device;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.OAuth2DeviceUserCodeProvider;
import org.keycloak.models.OAuth2DeviceUserCodeProviderFactory;

/** Registers {@link Base20UserCodeProvider} for the device grant's user codes. */
public final class Base20UserCodeProviderFactory implements OAuth2DeviceUserCodeProviderFactory {

    public static final String PROVIDER_ID = "tidbcloud-base20";

    @Override
    public OAuth2DeviceUserCodeProvider create(KeycloakSession session) {
        return new Base20UserCodeProvider();
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

    /** Above Keycloak's built-in provider (order 0), so that it is the default without configuration. */
    @Override
    public int order() {
        return 100;
    }
}
