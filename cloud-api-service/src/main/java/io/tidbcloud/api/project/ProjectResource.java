package io.tidbcloud.api.project;

import io.quarkus.security.Authenticated;
import io.quarkus.security.PermissionsAllowed;
import io.tidbcloud.api.common.Ids;
import io.tidbcloud.api.error.ApiException;
import io.tidbcloud.api.paging.PageParams;
import io.tidbcloud.api.paging.PageRequest;
import io.tidbcloud.api.paging.Paging;
import io.tidbcloud.api.security.CurrentCaller;
import io.tidbcloud.contract.scope.ApiScope;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/v1beta1/projects")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ProjectResource {

    @Inject
    ProjectService projects;

    @Inject
    Paging paging;

    @Inject
    CurrentCaller caller;

    @GET
    @PermissionsAllowed(ApiScope.PROJECT_READ_VALUE)
    @Operation(
            operationId = "ListProjects",
            summary = "List the caller's projects",
            description = "Requires scope " + ApiScope.PROJECT_READ_VALUE + ". "
                    + "Paging: page (1-based) and page_size, or pageSize and pageToken; default 10, at most 100.")
    public ProjectList list(@BeanParam PageParams params) {
        String list = "projects:" + caller.tenant().subject();
        PageRequest page = paging.request(params, list);
        ProjectService.Page result = projects.list(caller.tenant(), page);
        return new ProjectList(result.projects(), paging.nextPageToken(page, result.total(), list), result.total());
    }

    @GET
    @Path("{projectId}")
    @PermissionsAllowed(ApiScope.PROJECT_READ_VALUE)
    @Operation(
            operationId = "GetProject",
            summary = "Get one of the caller's projects",
            description = "Requires scope " + ApiScope.PROJECT_READ_VALUE
                    + ". A project the caller is not a member of answers 404.")
    public ProjectView get(@PathParam("projectId") String projectId) {
        return Ids.parse(projectId).stream()
                .boxed()
                .flatMap(id -> projects.get(caller.tenant(), id).stream())
                .findFirst()
                .orElseThrow(() -> notFound(projectId));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(ApiScope.PROJECT_WRITE_VALUE)
    @Operation(
            operationId = "CreateProject",
            summary = "Create a project in the caller's organization",
            description = "Requires scope " + ApiScope.PROJECT_WRITE_VALUE
                    + ". Body {\"name\": \"...\"}; the caller becomes its owner.")
    public Response create(CreateProjectRequest request, @Context UriInfo uri) {
        ProjectView created = projects.create(caller.tenant(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
                .entity(created)
                .build();
    }

    static ApiException notFound(String projectId) {
        return ApiException.notFound("Project " + abbreviate(projectId) + " not found");
    }

    private static String abbreviate(String value) {
        return value.length() <= 24 ? value : value.substring(0, 24) + "...";
    }
}
