package io.tidbcloud.keycloak.device;

import org.keycloak.Config;
import org.keycloak.common.Profile;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.SingleUseObjectProvider;
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

    static final int DEFAULT_MAX_WRONG_USER_CODES = 5;
    static final int DEFAULT_WINDOW_SECONDS = 60;

    private int maxWrongUserCodes = DEFAULT_MAX_WRONG_USER_CODES;
    private int windowSeconds = DEFAULT_WINDOW_SECONDS;

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
        String keyPrefix = session.getContext().getRealm().getId() + ".tidbcloud.wrong-user-code.";
        SingleUseObjectProvider store = session.singleUseObjects();
        WrongUserCodeLimit.Slots slots = new WrongUserCodeLimit.Slots() {
            @Override
            public boolean claim(String key, long lifespanSeconds) {
                return store.putIfAbsent(key, lifespanSeconds);
            }

            @Override
            public boolean isTaken(String key) {
                return store.contains(key);
            }
        };
        WrongUserCodeLimit wrongCodes =
                new WrongUserCodeLimit(slots, keyPrefix, maxWrongUserCodes, windowSeconds, () -> Time.currentTime());
        return new TidbcloudDeviceEndpoint(session, event, wrongCodes);
    }

    /**
     * {@code --spi-realm-restapi-extension--device--max-wrong-user-codes} (default {@value
     * #DEFAULT_MAX_WRONG_USER_CODES}) wrong user codes per browser and per client address in each
     * {@code --spi-realm-restapi-extension--device--wrong-user-code-window} seconds (default {@value
     * #DEFAULT_WINDOW_SECONDS}).
     */
    @Override
    public void init(Config.Scope config) {
        maxWrongUserCodes = config.getInt("max-wrong-user-codes", DEFAULT_MAX_WRONG_USER_CODES);
        windowSeconds = config.getInt("wrong-user-code-window", DEFAULT_WINDOW_SECONDS);
        if (maxWrongUserCodes < 1 || windowSeconds < 1) {
            throw new IllegalArgumentException("max-wrong-user-codes and wrong-user-code-window must be positive");
        }
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
