package io.tidbcloud.cli.auth;

import java.net.URI;

/**
 * The Keycloak realm's OpenID Connect endpoints, derived from the profile's
 * {@code oauth-endpoint} (the realm URL) the way Keycloak lays them out.
 */
public record OAuthEndpoints(URI deviceAuthorization, URI token, URI revocation) {

    public static OAuthEndpoints ofRealm(URI realm) {
        String base = realm.toString() + "/protocol/openid-connect";
        return new OAuthEndpoints(
                URI.create(base + "/auth/device"), URI.create(base + "/token"), URI.create(base + "/revoke"));
    }
}
