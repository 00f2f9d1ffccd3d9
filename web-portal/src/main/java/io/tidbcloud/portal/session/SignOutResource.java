package io.tidbcloud.portal.session;

import io.quarkus.oidc.OidcConfigurationMetadata;
import io.quarkus.oidc.OidcSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/**
 * Signs a person out: OpenID Connect RP-Initiated Logout 1.0.
 *
 * <p>The sign-out button posts a form carrying the CSRF token (checked by quarkus-rest-csrf before
 * this method runs), so another site cannot sign a person out. The portal drops its session cookie,
 * then sends the browser to Keycloak's {@code end_session_endpoint} with {@code id_token_hint}, which
 * ends the Keycloak session and returns to the portal's home page
 * ({@code post_logout_redirect_uri}, registered exactly in the realm).
 */
@Path("/signout")
public class SignOutResource {

    @Inject
    SecurityIdentity identity;

    @Inject
    OidcSession session;

    @Inject
    OidcConfigurationMetadata provider;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> signOut() {
        URI home =
                uriInfo.getBaseUriBuilder().replacePath("/").replaceQuery(null).build();
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(Response.seeOther(home).build());
        }
        String idToken = session.getIdToken().getRawToken();
        URI endSession = UriBuilder.fromUri(provider.getEndSessionUri())
                .queryParam("id_token_hint", idToken)
                .queryParam("post_logout_redirect_uri", home)
                .build();
        return session.logout().replaceWith(Response.seeOther(endSession).build());
    }
}
