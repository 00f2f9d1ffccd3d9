package io.tidbcloud.cli.project;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidbcloud.cli.api.CloudApi;
import io.tidbcloud.cli.api.PagedList;
import java.io.IOException;
import java.util.List;

/** {@code /v1beta1/projects}: the projects as the API returns them. */
public final class ProjectsApi {

    private final CloudApi api;

    public ProjectsApi(CloudApi api) {
        this.api = api;
    }

    /** Every page ({@code pageSize}/{@code pageToken}). */
    public List<JsonNode> listAll() throws IOException, InterruptedException {
        return PagedList.fetchAll(api, "/v1beta1/projects", "", "projects").items();
    }
}
