package io.tidbcloud.api.cluster;

import java.util.Map;

/**
 * Body of {@code POST /v1beta1/clusters}, TiDB Cloud's shape:
 * {@code {"displayName": "...", "region": {"name": "regions/aws-us-east-1"}, "labels": {"tidb.cloud/project": "<id>"}}}.
 * Other fields of TiDB Cloud's cluster (spending limit, root password...) are accepted and ignored.
 */
public record CreateClusterRequest(String displayName, RegionRef region, Map<String, String> labels) {

    public record RegionRef(String name) {}
}
