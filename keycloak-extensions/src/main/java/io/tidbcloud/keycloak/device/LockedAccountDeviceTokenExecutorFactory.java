package io.tidbcloud.keycloak.device;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory;

/**
 * Registers {@link LockedAccountDeviceTokenExecutor} as client-policy executor {@value #PROVIDER_ID};
 * realm {@code tidbcloud} applies it to every client (its profile {@value #PROFILE} and policy
 * {@value #POLICY}).
 */
public final class LockedAccountDeviceTokenExecutorFactory implements ClientPolicyExecutorProviderFactory {

    public static final String PROVIDER_ID = "tidbcloud-locked-account-device-token";

    /** The client profile of realm {@code tidbcloud} that holds the executor. */
    public static final String PROFILE = "tidbcloud-locked-accounts";

    /** The client policy of realm {@code tidbcloud} that applies the profile to every client. */
    public static final String POLICY = "tidbcloud-no-tokens-for-locked-accounts";

    @Override
    public ClientPolicyExecutorProvider create(KeycloakSession session) {
        return new LockedAccountDeviceTokenExecutor(session);
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

    @Override
    public String getHelpText() {
        return "Refuses the device grant's token request (invalid_grant) for a user whom brute-force detection holds"
                + " locked out (CVE-2026-88770 of Keycloak before 26.7.5).";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }
}
