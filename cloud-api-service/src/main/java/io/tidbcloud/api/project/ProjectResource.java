package io.tidbcloud.api.project;

import io.quarkus.security.Authenticated;
import io.tidbcloud.api.paging.PageParams;
import io.tidbcloud.api.paging.PageRequest;
import io.tidbcloud.api.paging.Paging;
import io.tidbcloud.api.security.CurrentCaller;
import io.tidbcloud.api.security.RequiresScope;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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
    @RequiresScope("project:read")
    @Operation(summary = "List the caller's projects", description = "Requires scope project:read. "
            + "Paging: page (1-based) and page_size, or pageSize and pageToken; default 10, at most 100.")
    public ProjectList list(@BeanParam PageParams params) {
        String list = "projects:" + caller.tenant().subject();
        PageRequest page = paging.request(params, list);
        ProjectService.Page result = projects.list(caller.tenant(), page);
        return new ProjectList(result.projects(), paging.nextPageToken(page, result.total(), list), result.total());
    }
}
