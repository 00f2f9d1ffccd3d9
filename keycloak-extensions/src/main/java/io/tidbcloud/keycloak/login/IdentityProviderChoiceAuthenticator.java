package io.tidbcloud.keycloak.login;

import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The sign-in step of realm {@code tidbcloud}: a page that offers only the identity-provider
 * buttons (Google, Microsoft) and takes no credentials.
 *
 * <p>The buttons are links to Keycloak's broker endpoints, so the person leaves this flow there
 * and comes back as a brokered user; nothing is ever posted to this step. A POST (a stale page or
 * a crafted username/password) shows the page again: there is no password check to reach.
 */
public final class IdentityProviderChoiceAuthenticator implements Authenticator {

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (!hasProviderToOffer(context.getRealm())) {
            // A realm without a visible provider would show an empty page nobody can leave.
            context.failure(AuthenticationFlowError.IDENTITY_PROVIDER_NOT_FOUND);
            return;
        }
        context.challenge(providerChoicePage(context));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        context.challenge(providerChoicePage(context));
    }

    private static Response providerChoicePage(AuthenticationFlowContext context) {
        // Renders login.ftl, which the tidbcloud theme reduces to the provider buttons.
        return context.form().createLoginUsernamePassword();
    }

    private static boolean hasProviderToOffer(RealmModel realm) {
        return realm.getIdentityProvidersStream()
                .anyMatch(provider -> provider.isEnabled() && !provider.isHideOnLogin());
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
        // No credential to set up: the person's identity lives at Google or Microsoft.
    }

    @Override
    public void close() {
        // Stateless.
    }
}
