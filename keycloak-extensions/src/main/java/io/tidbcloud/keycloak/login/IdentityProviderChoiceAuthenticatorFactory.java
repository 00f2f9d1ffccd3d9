package io.tidbcloud.keycloak.login;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * Registers {@link IdentityProviderChoiceAuthenticator} as the authenticator
 * {@value #PROVIDER_ID}, used by the realm's {@code tidbcloud browser} flow after the cookie and
 * the Identity Provider Redirector ({@code kc_idp_hint}) steps.
 */
public final class IdentityProviderChoiceAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "tidbcloud-identity-provider-choice";

    private static final IdentityProviderChoiceAuthenticator SINGLETON = new IdentityProviderChoiceAuthenticator();

    private static final Requirement[] REQUIREMENT_CHOICES = {
        Requirement.ALTERNATIVE, Requirement.REQUIRED, Requirement.DISABLED
    };

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Identity Provider Choice (no password)";
    }

    @Override
    public String getHelpText() {
        return "Shows the login page with only the identity-provider buttons; accepts no username or password.";
    }

    @Override
    public String getReferenceCategory() {
        return null;
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return REQUIREMENT_CHOICES;
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
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
