package io.tidbcloud.portal.session;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * The redirect URI registered in Keycloak. Quarkus OIDC completes a real callback before any
 * resource runs and sends the person back to where they started; a request that still reaches
 * this method carries no sign-in in progress (the back button, a bookmark, an expired state
 * cookie), so the person goes home rather than to a 404.
 */
@Path("/auth/callback")
public class StaleCallbackResource {

    @GET
    public Response noSignInInProgress() {
        return Response.seeOther(URI.create("/")).build();
    }
}
