package io.tidbcloud.keycloak.login;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * A required action that keeps no state is its own factory, as Keycloak's built-in ones are: the
 * one instance Keycloak's provider loader makes serves every session. A subclass names itself
 * ({@link #getId()}, {@link #getDisplayText()}) and does the step.
 */
public abstract class StatelessRequiredAction implements RequiredActionProvider, RequiredActionFactory {

    @Override
    public final RequiredActionProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}
}
