package io.tidbcloud.api.region;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** {@code {"regions": [...], "nextPageToken": "", "totalSize": N}}: the whole catalogue, one page. */
@JsonPropertyOrder({"regions", "nextPageToken", "totalSize"})
public record RegionList(List<RegionView> regions, String nextPageToken, long totalSize) {}
