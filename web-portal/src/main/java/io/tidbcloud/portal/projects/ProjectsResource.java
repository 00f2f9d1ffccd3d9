package io.tidbcloud.portal.projects;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.tidbcloud.portal.backend.ServiceException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;

/** The person's projects over the cloud API, and creating one. */
@Path("/projects")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ProjectsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance projects(
                List<CloudApi.Project> projects, String name, String problem, String created);
    }

    @Inject
    CloudApiService cloudApi;

    @GET
    public TemplateInstance list(@QueryParam("created") String created) {
        return Templates.projects(cloudApi.projects(), "", null, created);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("name") String name) {
        try {
            CloudApi.Project project = cloudApi.createProject(name == null ? "" : name.strip());
            return Response.seeOther(UriBuilder.fromPath("/projects")
                            .queryParam("created", project.name())
                            .build())
                    .build();
        } catch (ServiceException refused) {
            if (!refused.refusesTheForm()) {
                throw refused;
            }
            return Response.status(refused.status())
                    .entity(Templates.projects(cloudApi.projects(), name, refused.getMessage(), null))
                    .build();
        }
    }
}
