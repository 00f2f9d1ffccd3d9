package io.tidbcloud.portal.session;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Optional;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The person signed in to the portal, as told by the ID token of their OIDC session.
 *
 * @param email the verified address Keycloak carried over from Google or Microsoft
 * @param name  the display name, or the email when the provider sent none
 */
public record SignedInUser(String email, String name) {

    /** The signed-in person, or empty for an anonymous visitor. */
    public static Optional<SignedInUser> of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken idToken)) {
            return Optional.empty();
        }
        String email = firstPresent(idToken, Claims.email.name(), Claims.preferred_username.name());
        String name = firstPresent(idToken, "name", Claims.preferred_username.name());
        return Optional.of(new SignedInUser(email, name == null ? email : name));
    }

    /** Whether the display name adds anything beyond the email. */
    public boolean hasDistinctName() {
        return name != null && !name.equals(email);
    }

    private static String firstPresent(JsonWebToken token, String... claims) {
        for (String claim : claims) {
            Object value = token.getClaim(claim);
            if (value != null && !value.toString().isBlank()) {
                return value.toString();
            }
        }
        return null;
    }
}
