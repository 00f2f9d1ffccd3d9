package io.tidbcloud.contract.login;

/**
 * The upstream identity providers a person signs in with: their alias in realm {@code tidbcloud}
 * (also Keycloak's button id {@code social-<alias>}) and the name people know them by.
 */
public enum IdentityProvider {
    GOOGLE("google", "Google"),
    MICROSOFT("microsoft", "Microsoft");

    /**
     * Keycloak's request parameter that names the provider to go to straight away, skipping its
     * provider chooser; its value is an alias.
     */
    public static final String HINT_PARAMETER = "kc_idp_hint";

    /**
     * Our hint parameter in a device authorization request ({@code ticloud auth login --idp}):
     * Keycloak drops {@code kc_idp_hint} there, so the realm's device endpoint (keycloak-extensions)
     * reads this one, kept with the device code.
     */
    public static final String DEVICE_HINT_PARAMETER = "tidbcloud_idp_hint";

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
}
