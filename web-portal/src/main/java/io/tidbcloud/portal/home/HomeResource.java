package io.tidbcloud.portal.home;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.tidbcloud.contract.login.IdentityProvider;
import io.tidbcloud.portal.session.SignedInUser;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The home page: sign-in buttons for a visitor, who is signed in for a person with a session. */
@Path("/")
public class HomeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(SignedInUser user, IdentityProvider[] providers);
    }

    @Inject
    SecurityIdentity identity;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance home() {
        return Templates.home(SignedInUser.of(identity).orElse(null), IdentityProvider.values());
    }
}
