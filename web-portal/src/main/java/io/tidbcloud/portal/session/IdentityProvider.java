package io.tidbcloud.portal.session;

/**
 * The upstream identity providers a person can sign in with. The alias is the Keycloak
 * identity-provider alias in realm {@code tidbcloud}; the portal forwards it as
 * {@code kc_idp_hint} so that Keycloak skips its provider chooser.
 */
public enum IdentityProvider {
    GOOGLE("google", "Google"),
    MICROSOFT("microsoft", "Microsoft");

    private final String alias;
    private final String displayName;

    IdentityProvider(String alias, String displayName) {
        this.alias = alias;
        this.displayName = displayName;
    }

    public String alias() {
        return alias;
    }

    public String displayName() {
        return displayName;
    }

    /** The portal path that starts the sign-in with this provider. */
    public String signInPath() {
        return SignInResource.PATH + "?" + SignInResource.IDP_HINT + "=" + alias;
    }
}
