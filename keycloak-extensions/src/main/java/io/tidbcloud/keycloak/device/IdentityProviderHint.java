package io.tidbcloud.keycloak.device;

import io.tidbcloud.contract.login.IdentityProvider;
import java.util.Optional;
import java.util.stream.Stream;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;

/**
 * Which identity provider a device sign-in should go to straight away, if any.
 *
 * <p>Two places can name it: {@code kc_idp_hint} in the verification link the person opens
 * (Keycloak's {@code AdapterConstants.KC_IDP_HINT}), and {@code tidbcloud_idp_hint} ({@link IdentityProvider#DEVICE_HINT_PARAMETER}) in the device authorization
 * request, which Keycloak keeps with the device code (it drops {@code kc_idp_hint} there, a
 * parameter it knows). A value counts only when it is the alias of an enabled identity provider of
 * the realm; anything else is ignored and the person sees the provider page as usual.
 */
final class IdentityProviderHint {

    /** Longer than any alias we configure; longer values are not looked up at all. */
    private static final int MAX_ALIAS_LENGTH = 64;

    private IdentityProviderHint() {}

    /** The first candidate that names an enabled identity provider of the session's realm. */
    static Optional<String> choose(KeycloakSession session, String... candidates) {
        return Stream.of(candidates)
                .filter(IdentityProviderHint::plausible)
                .filter(alias -> enabled(session, alias))
                .findFirst();
    }

    private static boolean plausible(String alias) {
        return alias != null && !alias.isBlank() && alias.length() <= MAX_ALIAS_LENGTH;
    }

    private static boolean enabled(KeycloakSession session, String alias) {
        IdentityProviderModel provider = session.identityProviders().getByAlias(alias);
        return provider != null && provider.isEnabled();
    }
}
