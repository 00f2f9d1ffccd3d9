package io.tidbcloud.portal.developer;

import java.time.Instant;
import java.util.List;

/** An OAuth application the person registered, as auth-service's {@code /v1/apps} shows it. */
public record App(
        String clientId,
        String name,
        String kind,
        List<String> redirectUris,
        List<String> scopes,
        String homepage,
        Instant created,
        String clientSecret) {

    public record Listing(List<App> apps) {}

    /** {@code POST /v1/apps}'s body. */
    public record Registration(
            String name, String kind, List<String> redirectUris, List<String> scopes, String homepage) {}

    /** {@code POST /v1/apps/{clientId}/secret}'s answer. */
    public record NewSecret(String clientId, String clientSecret) {}

    public boolean isWeb() {
        return "web".equals(kind);
    }

    public List<String> redirectUris() {
        return redirectUris == null ? List.of() : redirectUris;
    }

    public List<String> scopes() {
        return scopes == null ? List.of() : scopes;
    }
}
