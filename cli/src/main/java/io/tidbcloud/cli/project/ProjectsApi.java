package io.tidbcloud.cli.project;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidbcloud.cli.CliException;
import io.tidbcloud.cli.api.CloudApi;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** {@code /v1beta1/projects}: the projects as the API returns them. */
public final class ProjectsApi {

    static final int PAGE_SIZE = 100;
    /** A guard against a server that never says it is done. */
    static final int MAX_PAGES = 10_000;

    private final CloudApi api;

    public ProjectsApi(CloudApi api) {
        this.api = api;
    }

    /** Every page, until {@code nextPageToken} is empty or {@code totalSize} projects were read. */
    public List<JsonNode> listAll() throws IOException, InterruptedException {
        List<JsonNode> projects = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            JsonNode body = api.get("/v1beta1/projects?page=" + page + "&page_size=" + PAGE_SIZE);
            JsonNode items = body.path("projects");
            if (!items.isMissingNode() && !items.isNull() && !items.isArray()) {
                throw CliException.error("The API answered with an unexpected project list.");
            }
            items.forEach(projects::add);
            boolean morePages = !body.path("nextPageToken").asText("").isEmpty();
            JsonNode total = body.get("totalSize");
            if (total != null && total.canConvertToLong() && projects.size() >= total.asLong()) {
                morePages = false;
            }
            if (!morePages || items.isEmpty()) {
                return projects;
            }
        }
        throw CliException.error("The API kept returning more pages; stopped after " + MAX_PAGES + ".");
    }
}
