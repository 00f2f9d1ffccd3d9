package io.tidbcloud.api.region;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A region as TiDB Cloud's v1beta1 API shows it ({@code commonv1beta1Region}). */
@JsonPropertyOrder({"name", "regionId", "cloudProvider", "displayName"})
public record RegionView(String name, String regionId, String cloudProvider, String displayName) {

    public static RegionView of(Region region) {
        return new RegionView(region.name, region.regionId, region.cloudProvider, region.displayName);
    }
}
