package io.tidbcloud.portal.projects;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.tidbcloud.portal.backend.Backend;
import io.tidbcloud.portal.backend.BearerAccessToken;
import io.tidbcloud.portal.backend.ServiceException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The cloud API's projects, clusters and regions, called with the person's access token. */
@RegisterRestClient(configKey = "cloud-api")
@RegisterProvider(BearerAccessToken.class)
@Path("/v1beta1")
public interface CloudApiClient {

    @GET
    @Path("/projects")
    CloudApi.ProjectList projects(@QueryParam("pageSize") int pageSize, @QueryParam("pageToken") String pageToken);

    @POST
    @Path("/projects")
    CloudApi.Project createProject(CloudApi.NewProject project);

    @GET
    @Path("/clusters")
    CloudApi.ClusterList clusters(@QueryParam("pageSize") int pageSize, @QueryParam("pageToken") String pageToken);

    @POST
    @Path("/clusters")
    CloudApi.Cluster createCluster(CloudApi.NewCluster cluster);

    @DELETE
    @Path("/clusters/{clusterId}")
    CloudApi.Cluster deleteCluster(@PathParam("clusterId") String clusterId);

    @GET
    @Path("/regions")
    CloudApi.RegionList regions();

    @ClientExceptionMapper
    static ServiceException toException(Response response) {
        return ServiceException.from(Backend.CLOUD_API, response);
    }
}
