package io.tidbcloud.api.cluster;

import io.quarkus.security.Authenticated;
import io.quarkus.security.PermissionsAllowed;
import io.tidbcloud.api.error.ApiException;
import io.tidbcloud.api.paging.PageParams;
import io.tidbcloud.api.paging.PageRequest;
import io.tidbcloud.api.paging.Paging;
import io.tidbcloud.api.security.CurrentCaller;
import io.tidbcloud.contract.scope.ApiScope;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/v1beta1/clusters")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ClusterResource {

    @Inject
    ClusterService clusters;

    @Inject
    Paging paging;

    @Inject
    CurrentCaller caller;

    @GET
    @PermissionsAllowed(ApiScope.CLUSTER_READ_VALUE)
    @Operation(
            operationId = "ListClusters",
            summary = "List the clusters of the caller's projects",
            description = "Requires scope " + ApiScope.CLUSTER_READ_VALUE
                    + ". Narrow to one project with project_id=<id> or filter=projectId=<id>. "
                    + "Paging: page (1-based) and page_size, or pageSize and pageToken; default 10, at most 100.")
    public ClusterList list(
            @BeanParam PageParams params,
            @QueryParam("project_id") String projectId,
            @QueryParam("filter") String filter) {
        ClusterFilter narrowed = ClusterFilter.parse(projectId, filter);
        String list = "clusters:" + caller.tenant().subject() + ":" + narrowed.key();
        PageRequest page = paging.request(params, list);
        ClusterService.Page result = clusters.list(caller.tenant(), narrowed, page);
        return new ClusterList(result.clusters(), paging.nextPageToken(page, result.total(), list), result.total());
    }

    @GET
    @Path("{clusterId}")
    @PermissionsAllowed(ApiScope.CLUSTER_READ_VALUE)
    @Operation(
            operationId = "GetCluster",
            summary = "Get a cluster",
            description = "Requires scope " + ApiScope.CLUSTER_READ_VALUE
                    + ". A cluster outside the caller's projects answers 404.")
    public ClusterView get(@PathParam("clusterId") String clusterId) {
        return clusters.get(caller.tenant(), clusterId).orElseThrow(() -> notFound(clusterId));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(ApiScope.CLUSTER_WRITE_VALUE)
    @Operation(
            operationId = "CreateCluster",
            summary = "Create a serverless cluster",
            description =
                    "Requires scope " + ApiScope.CLUSTER_WRITE_VALUE
                            + ". Body {\"displayName\", \"region\": {\"name\": \"regions/...\"}, "
                            + "\"labels\": {\"tidb.cloud/project\": \"<id>\"}}; without the label the cluster goes to the caller's "
                            + "default project. Answers at once with state CREATING; the cluster turns ACTIVE when provisioned.")
    public Response create(CreateClusterRequest request, @Context UriInfo uri) {
        ClusterView created = clusters.create(caller.caller(), caller.tenant(), request);
        return Response.created(
                        uri.getAbsolutePathBuilder().path(created.clusterId()).build())
                .entity(created)
                .build();
    }

    @PATCH
    @Path("{clusterId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(ApiScope.CLUSTER_WRITE_VALUE)
    @Operation(
            operationId = "UpdateCluster",
            summary = "Rename or relabel a cluster",
            description = "Requires scope " + ApiScope.CLUSTER_WRITE_VALUE
                    + ". Body {\"displayName\"} and/or {\"labels\"} (labels replace the "
                    + "cluster's own labels; a different tidb.cloud/project label moves it to that project), or TiDB "
                    + "Cloud's {\"cluster\": {...}, \"updateMask\": \"displayName,labels\"}.")
    public ClusterView update(@PathParam("clusterId") String clusterId, UpdateClusterRequest request) {
        return clusters.update(caller.tenant(), clusterId, request).orElseThrow(() -> notFound(clusterId));
    }

    @DELETE
    @Path("{clusterId}")
    @PermissionsAllowed(ApiScope.CLUSTER_WRITE_VALUE)
    @Operation(
            operationId = "DeleteCluster",
            summary = "Delete a cluster",
            description = "Requires scope " + ApiScope.CLUSTER_WRITE_VALUE
                    + ". Answers with the cluster in state DELETING; once deleted it is "
                    + "gone from lists and GET answers 404.")
    public ClusterView delete(@PathParam("clusterId") String clusterId) {
        return clusters.delete(caller.tenant(), clusterId).orElseThrow(() -> notFound(clusterId));
    }

    private static ApiException notFound(String clusterId) {
        String shown = clusterId.length() <= 24 ? clusterId : clusterId.substring(0, 24) + "...";
        return ApiException.notFound("Cluster " + shown + " not found");
    }
}
