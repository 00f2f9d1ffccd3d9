package io.tidbcloud.api.project;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A project as TiDB Cloud's v1beta1 API shows it: ids as strings, counts as numbers,
 * {@code create_timestamp} as Unix seconds in a string.
 */
@JsonPropertyOrder({"id", "org_id", "name", "cluster_count", "user_count", "create_timestamp"})
public record ProjectView(
        @JsonProperty("id") String id,
        @JsonProperty("org_id") String orgId,
        @JsonProperty("name") String name,
        @JsonProperty("cluster_count") long clusterCount,
        @JsonProperty("user_count") long userCount,
        @JsonProperty("create_timestamp") String createTimestamp) {

    static ProjectView of(Project project, long clusterCount, long userCount) {
        return new ProjectView(
                Long.toString(project.id),
                Long.toString(project.orgId),
                project.name,
                clusterCount,
                userCount,
                Long.toString(project.createdAt.getEpochSecond()));
    }
}
