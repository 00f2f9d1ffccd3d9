package io.tidbcloud.cli.serverless;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidbcloud.cli.api.CloudApi;
import io.tidbcloud.cli.api.PagedList;
import io.tidbcloud.cli.output.Json;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** {@code /v1beta1/clusters}: TiDB Cloud's v1beta1 serverless cluster endpoints. */
public final class ClustersApi {

    static final String PATH = "/v1beta1/clusters";
    static final String PROJECT_LABEL = "tidb.cloud/project";

    private final CloudApi api;

    public ClustersApi(CloudApi api) {
        this.api = api;
    }

    /** Every cluster (all pages), narrowed to one project when {@code projectId} is not null. */
    public PagedList.Items listAll(String projectId) throws IOException, InterruptedException {
        String query = projectId == null ? "" : "project_id=" + encode(projectId);
        return PagedList.fetchAll(api, PATH, query, "clusters");
    }

    public JsonNode get(String clusterId) throws IOException, InterruptedException {
        return api.get(PATH + "/" + encode(clusterId));
    }

    /** {"displayName", "region": {"name": "regions/..."}, "labels": {"tidb.cloud/project": id}}. */
    public JsonNode create(String displayName, String region, String projectId)
            throws IOException, InterruptedException {
        ObjectNode body = Json.object();
        body.put("displayName", displayName);
        body.putObject("region").put("name", region);
        if (projectId != null) {
            body.putObject("labels").put(PROJECT_LABEL, projectId);
        }
        return api.post(PATH, body);
    }

    public JsonNode rename(String clusterId, String displayName) throws IOException, InterruptedException {
        ObjectNode body = Json.object();
        body.put("displayName", displayName);
        return api.patch(PATH + "/" + encode(clusterId), body);
    }

    public JsonNode relabel(String clusterId, Map<String, String> labels) throws IOException, InterruptedException {
        ObjectNode body = Json.object();
        ObjectNode labelNode = body.putObject("labels");
        labels.forEach(labelNode::put);
        return api.patch(PATH + "/" + encode(clusterId), body);
    }

    public JsonNode delete(String clusterId) throws IOException, InterruptedException {
        return api.delete(PATH + "/" + encode(clusterId));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
