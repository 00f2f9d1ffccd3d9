package io.tidbcloud.portal.session;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.tidbcloud.contract.login.IdentityProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * Starts a sign-in and shows why one failed.
 *
 * <p>{@code GET /signin} requires an authenticated session, so an anonymous visitor is sent through
 * Quarkus OIDC's authorization-code flow (PKCE S256, redirect to {@code /auth/callback}); the
 * {@code kc_idp_hint} query parameter is forwarded to Keycloak
 * ({@code quarkus.oidc.authentication.forward-params}). Once the flow returns here, the person
 * lands on the home page.
 */
@Path(SignInResource.PATH)
public class SignInResource {

    public static final String PATH = "/signin";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(SignInFailure failure, IdentityProvider[] providers);
    }

    /** The portal path that starts the sign-in with this provider ({@code idp.signInPath} in templates). */
    @TemplateExtension
    static String signInPath(IdentityProvider provider) {
        return PATH + "?" + IdentityProvider.HINT_PARAMETER + "=" + provider.alias();
    }

    @GET
    @Authenticated
    public Response signIn() {
        return Response.seeOther(URI.create("/")).build();
    }

    /**
     * Where Quarkus OIDC sends the browser when Keycloak answers the authorization request with an
     * error ({@code quarkus.oidc.authentication.error-path}), for example when the person cancels.
     */
    @GET
    @Path("/error")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance error(@QueryParam("error") String error) {
        return Templates.error(SignInFailure.of(error), IdentityProvider.values());
    }
}
