package io.tidbcloud.api.cluster;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** A page of clusters: {@code {"clusters": [...], "nextPageToken": "", "totalSize": N}}. */
@JsonPropertyOrder({"clusters", "nextPageToken", "totalSize"})
public record ClusterList(List<ClusterView> clusters, String nextPageToken, long totalSize) {}
