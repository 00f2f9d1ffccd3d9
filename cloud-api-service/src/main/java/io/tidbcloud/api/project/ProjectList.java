package io.tidbcloud.api.project;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** A page of projects: {@code {"projects": [...], "nextPageToken": "", "totalSize": N}}. */
@JsonPropertyOrder({"projects", "nextPageToken", "totalSize"})
public record ProjectList(List<ProjectView> projects, String nextPageToken, long totalSize) {}
