package io.tidbcloud.auth.apps;

import java.util.List;

/** The body of {@code POST /v1/apps}, as sent; {@link AppValidator} checks it. */
public record AppRequest(String name, String kind, List<String> redirectUris, List<String> scopes, String homepage) {}
