package io.tidbcloud.keycloak.device;

import org.keycloak.Config;
import org.keycloak.common.Profile;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.EnvironmentDependentProviderFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * Replaces Keycloak's realm resource {@value #PROVIDER_ID} ({@code /realms/<realm>/device}) with
 * {@link TidbcloudDeviceEndpoint}: same id, higher {@link #order()}.
 */
public final class TidbcloudDeviceEndpointFactory
        implements RealmResourceProviderFactory, EnvironmentDependentProviderFactory {

    /** The id of Keycloak's own device endpoint factory, which this one replaces. */
    public static final String PROVIDER_ID = "device";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public int order() {
        // Keycloak's DeviceEndpointFactory has the default order 0.
        return 10;
    }

    @Override
    public boolean isSupported(Config.Scope config) {
        return Profile.isFeatureEnabled(Profile.Feature.DEVICE_FLOW);
    }

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        EventBuilder event = new EventBuilder(
                session.getContext().getRealm(), session, session.getContext().getConnection());
        return new TidbcloudDeviceEndpoint(session, event);
    }

    @Override
    public void init(Config.Scope config) {
        // Nothing to configure.
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // Nothing to wire.
    }

    @Override
    public void close() {
        // Holds no resources.
    }
}
