package io.tidbcloud.portal.projects;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The cloud API's v1beta1 JSON (ARCHITECTURE.md, "Cloud API"), as far as the portal shows it. */
public final class CloudApi {

    /** The label that names a cluster's project. */
    public static final String PROJECT_LABEL = "tidb.cloud/project";

    private CloudApi() {}

    public record Project(
            String id,
            String name,
            @JsonProperty("org_id") String orgId,
            @JsonProperty("cluster_count") long clusterCount,
            @JsonProperty("user_count") long userCount,
            @JsonProperty("create_timestamp") String createTimestamp) {

        /** {@code create_timestamp} is Unix seconds in a string. */
        public Instant created() {
            try {
                return Instant.ofEpochSecond(Long.parseLong(createTimestamp));
            } catch (NumberFormatException | NullPointerException e) {
                return null;
            }
        }
    }

    public record ProjectList(List<Project> projects, String nextPageToken, long totalSize) {}

    public record NewProject(String name) {}

    public record Region(String name, String regionId, String cloudProvider, String displayName) {}

    public record RegionList(List<Region> regions) {}

    public record Endpoint(String host, Integer port) {}

    public record Endpoints(@JsonProperty("public") Endpoint publicEndpoint) {}

    public record Cluster(
            String clusterId,
            String displayName,
            Region region,
            String state,
            Map<String, String> labels,
            Endpoints endpoints,
            String createTime) {

        public String projectId() {
            return labels == null ? null : labels.get(PROJECT_LABEL);
        }

        /** host:port once provisioned, else null. */
        public String endpoint() {
            if (endpoints == null
                    || endpoints.publicEndpoint() == null
                    || endpoints.publicEndpoint().host() == null) {
                return null;
            }
            Endpoint endpoint = endpoints.publicEndpoint();
            return endpoint.port() == null ? endpoint.host() : endpoint.host() + ":" + endpoint.port();
        }
    }

    public record ClusterList(List<Cluster> clusters, String nextPageToken, long totalSize) {}

    public record RegionRef(String name) {}

    public record NewCluster(String displayName, RegionRef region, Map<String, String> labels) {}
}
