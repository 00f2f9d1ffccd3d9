package io.tidbcloud.cli.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The keys a profile has, with what each accepts. */
public enum ProfileKey {
    OAUTH_ENDPOINT("oauth-endpoint", true),
    OAUTH_CLIENT_ID("oauth-client-id", false),
    API_ENDPOINT("api-endpoint", true);

    private final String key;
    private final boolean url;

    ProfileKey(String key, boolean url) {
        this.key = key;
        this.url = url;
    }

    public String key() {
        return key;
    }

    public static ProfileKey parse(String text) {
        for (ProfileKey candidate : values()) {
            if (candidate.key.equals(text.toLowerCase(Locale.ROOT))) {
                return candidate;
            }
        }
        throw new IllegalArgumentException(
                "Unknown key '" + text + "': use oauth-endpoint, oauth-client-id or api-endpoint");
    }

    /** The value, checked: URLs absolute http(s) without query, client ids plain. */
    public String validate(String value) {
        String trimmed = value.trim();
        if (url) {
            try {
                URI uri = new URI(trimmed);
                if (uri.getScheme() == null
                        || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                        || uri.getHost() == null
                        || uri.getRawQuery() != null
                        || uri.getRawFragment() != null) {
                    throw new URISyntaxException(trimmed, "not an absolute http(s) URL");
                }
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("Invalid " + key + " '" + value + "': expected an http or https URL"
                        + (this == OAUTH_ENDPOINT ? " such as http://localhost:8180/realms/tidbcloud" : ""));
            }
        } else if (trimmed.isEmpty() || !trimmed.matches("[A-Za-z0-9._:-]+")) {
            throw new IllegalArgumentException("Invalid " + key + " '" + value + "'");
        }
        return trimmed;
    }

    public String of(Profile profile) {
        return switch (this) {
            case OAUTH_ENDPOINT -> profile.oauthEndpoint();
            case OAUTH_CLIENT_ID -> profile.oauthClientId();
            case API_ENDPOINT -> profile.apiEndpoint();
        };
    }

    public Profile with(Profile profile, String value) {
        return switch (this) {
            case OAUTH_ENDPOINT -> new Profile(profile.name(), value, profile.oauthClientId(), profile.apiEndpoint());
            case OAUTH_CLIENT_ID -> new Profile(profile.name(), profile.oauthEndpoint(), value, profile.apiEndpoint());
            case API_ENDPOINT -> new Profile(profile.name(), profile.oauthEndpoint(), profile.oauthClientId(), value);
        };
    }

    /** The environment variable that overrides this key for every profile. */
    public String environmentVariable() {
        return switch (this) {
            case OAUTH_ENDPOINT -> Settings.OAUTH_ENDPOINT_ENV;
            case OAUTH_CLIENT_ID -> Settings.OAUTH_CLIENT_ID_ENV;
            case API_ENDPOINT -> Settings.API_ENDPOINT_ENV;
        };
    }
}
