package io.tidbcloud.api.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.tidbcloud.api.region.RegionView;
import java.util.Map;

/**
 * A cluster as TiDB Cloud's v1beta1 serverless API shows it
 * ({@code tidb_cloud_open_apiserverlessv1beta1Cluster}): ids as strings, times in RFC 3339 (UTC,
 * seconds), the project and organization as labels. {@code userPrefix} and the public endpoint's
 * host and port appear once the cluster is provisioned.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "name",
    "clusterId",
    "displayName",
    "region",
    "state",
    "version",
    "createdBy",
    "userPrefix",
    "endpoints",
    "labels",
    "createTime",
    "updateTime"
})
public record ClusterView(
        String name,
        String clusterId,
        String displayName,
        RegionView region,
        String state,
        String version,
        String createdBy,
        String userPrefix,
        Endpoints endpoints,
        Map<String, String> labels,
        String createTime,
        String updateTime) {

    public record Endpoints(@JsonProperty("public") PublicEndpoint publicEndpoint) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"host", "port"})
    public record PublicEndpoint(String host, Integer port) {}
}
