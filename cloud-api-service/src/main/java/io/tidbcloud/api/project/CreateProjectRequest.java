package io.tidbcloud.api.project;

/** Body of {@code POST /v1beta1/projects}: {@code {"name": "..."}}. */
public record CreateProjectRequest(String name) {}
