package io.tidbcloud.portal.home;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.tidbcloud.contract.login.IdentityProvider;
import io.tidbcloud.portal.backend.ServiceException;
import io.tidbcloud.portal.backend.ServiceUnavailableException;
import io.tidbcloud.portal.projects.CloudApiService;
import io.tidbcloud.portal.session.SignedInUser;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;

/**
 * The home page: sign-in buttons for a visitor; for a person with a session, who they are, their
 * organization and the way to every page of the portal.
 */
@Path("/")
public class HomeResource {

    /** The person's organization as the page shows it: its id, or why it cannot be shown now. */
    public record Organization(String id, String problem) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(SignedInUser user, Organization organization, IdentityProvider[] providers);
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    CloudApiService cloudApi;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance home() {
        Optional<SignedInUser> user = SignedInUser.of(identity);
        return Templates.home(user.orElse(null), user.map(u -> organization()).orElse(null), IdentityProvider.values());
    }

    /** The home page still shows who is signed in when the cloud API cannot say the organization. */
    private Organization organization() {
        try {
            return cloudApi.organization()
                    .map(id -> new Organization(id, null))
                    .orElseGet(() -> new Organization(null, "No organization yet."));
        } catch (ServiceException e) {
            return new Organization(null, e.getMessage());
        } catch (ServiceUnavailableException e) {
            return new Organization(null, e.backend().displayName() + " is unavailable, try again in a moment.");
        }
    }
}
