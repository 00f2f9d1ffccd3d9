package io.tidbcloud.cli.config;

import java.net.URI;

/**
 * Where one profile signs in and which API it calls, after environment overrides.
 *
 * @param name           profile name in config.toml
 * @param oauthEndpoint  the realm URL, e.g. {@code http://localhost:8180/realms/tidbcloud}
 * @param oauthClientId  the public client the CLI signs in as
 * @param apiEndpoint    base URL of the cloud API
 */
public record Profile(String name, String oauthEndpoint, String oauthClientId, String apiEndpoint) {

    public static final String DEFAULT_NAME = "default";
    public static final String DEFAULT_OAUTH_ENDPOINT = "http://localhost:8180/realms/tidbcloud";
    public static final String DEFAULT_OAUTH_CLIENT_ID = "ticloud-cli";
    public static final String DEFAULT_API_ENDPOINT = "http://localhost:8080";

    public static Profile defaults(String name) {
        return new Profile(name, DEFAULT_OAUTH_ENDPOINT, DEFAULT_OAUTH_CLIENT_ID, DEFAULT_API_ENDPOINT);
    }

    public URI oauthBase() {
        return URI.create(stripTrailingSlash(oauthEndpoint));
    }

    public URI apiBase() {
        return URI.create(stripTrailingSlash(apiEndpoint));
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
