package io.tidbcloud.portal.backend;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Sends the signed-in person's OAuth access token (never the ID token) to auth-service and the
 * cloud API: the token quarkus-oidc obtained in the authorization-code flow and keeps in the
 * session, found as the identity's {@link AccessTokenCredential}. quarkus-oidc has refreshed it
 * before the resource runs when it was about to expire ({@code quarkus.oidc.token.refresh-expired},
 * {@code refresh-token-time-skew}), so a person who comes back later sends a live token.
 *
 * <p>This is what quarkus-rest-client-oidc-token-propagation's {@code @AccessToken} does; that
 * extension cannot be used with Quarkus 3.33.2, whose parent POM is missing from Maven Central.
 */
@ApplicationScoped
public class BearerAccessToken implements ClientRequestFilter {

    @Inject
    SecurityIdentity identity;

    @Override
    public void filter(ClientRequestContext request) {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token == null) {
            throw new IllegalStateException("no access token: the page calling a service must require sign-in");
        }
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token.getToken());
    }
}
