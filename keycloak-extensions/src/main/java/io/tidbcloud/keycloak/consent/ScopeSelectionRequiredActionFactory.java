package io.tidbcloud.keycloak.consent;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Registers {@link ScopeSelectionRequiredAction} as required action {@value #PROVIDER_ID}; the realm
 * enables it ({@code requiredActions} of {@code infra/keycloak/tidbcloud-realm.json}) after the
 * device confirmation.
 */
public final class ScopeSelectionRequiredActionFactory implements RequiredActionFactory {

    public static final String PROVIDER_ID = "tidbcloud-scope-selection";

    private static final ScopeSelectionRequiredAction INSTANCE = new ScopeSelectionRequiredAction();

    @Override
    public String getDisplayText() {
        return "Choose the API scopes an application gets";
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
