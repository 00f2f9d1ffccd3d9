package io.tidbcloud.api.cluster;

import java.util.Map;

/**
 * Body of {@code PATCH /v1beta1/clusters/{clusterId}}: {@code displayName} and/or {@code labels}, either
 * at the top level or, as TiDB Cloud's clients send it, as {@code {"cluster": {...}, "updateMask": "displayName,labels"}}.
 */
public record UpdateClusterRequest(String displayName, Map<String, String> labels, Fields cluster, String updateMask) {

    public record Fields(String displayName, Map<String, String> labels) {}
}
