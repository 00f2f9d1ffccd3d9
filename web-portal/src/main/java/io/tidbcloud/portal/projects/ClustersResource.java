package io.tidbcloud.portal.projects;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.tidbcloud.portal.backend.ServiceException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;

/**
 * The person's serverless clusters over the cloud API: creating one (name, region, project) and
 * deleting one, which asks first without JavaScript ({@code delete}, then {@code confirm}).
 */
@Path("/clusters")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ClustersResource {

    /** The creation form as filled in, shown again with the API's message when it refused. */
    public record ClusterForm(String displayName, String region, String projectId) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance clusters(
                List<CloudApi.Cluster> clusters,
                List<CloudApi.Region> regions,
                List<CloudApi.Project> projects,
                ClusterForm form,
                String problem,
                String done);

        static native TemplateInstance confirmDelete(CloudApi.Cluster cluster);
    }

    @Inject
    CloudApiService cloudApi;

    @GET
    public TemplateInstance list(@QueryParam("created") String created, @QueryParam("deleted") String deleted) {
        String done = created != null
                ? "Creating cluster " + created + "."
                : deleted != null ? "Deleting cluster " + deleted + "." : null;
        return page(new ClusterForm("", "", ""), null, done);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(
            @FormParam("displayName") String displayName,
            @FormParam("region") String region,
            @FormParam("project") String projectId) {
        ClusterForm form = new ClusterForm(displayName, region, projectId);
        try {
            CloudApi.Cluster cluster =
                    cloudApi.createCluster(displayName == null ? "" : displayName.strip(), region, projectId);
            return Response.seeOther(UriBuilder.fromPath("/clusters")
                            .queryParam("created", cluster.displayName())
                            .build())
                    .build();
        } catch (ServiceException refused) {
            if (!refused.refusesTheForm()) {
                throw refused;
            }
            return Response.status(refused.status())
                    .entity(page(form, refused.getMessage(), null))
                    .build();
        }
    }

    @POST
    @Path("/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object delete(@FormParam("cluster_id") String clusterId, @FormParam("confirm") String confirm) {
        CloudApi.Cluster cluster = cloudApi.clusters().stream()
                .filter(c -> c.clusterId().equals(clusterId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("You have no cluster with that id."));
        if (confirm == null) {
            return Templates.confirmDelete(cluster);
        }
        cloudApi.deleteCluster(cluster.clusterId());
        return Response.seeOther(UriBuilder.fromPath("/clusters")
                        .queryParam("deleted", cluster.displayName())
                        .build())
                .build();
    }

    private TemplateInstance page(ClusterForm form, String problem, String done) {
        return Templates.clusters(cloudApi.clusters(), cloudApi.regions(), cloudApi.projects(), form, problem, done);
    }
}
