package io.tidbcloud.auth.apps;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * An application in the API: {@code clientSecret} only in the answers to create (web apps) and
 * rotate, never in a read; {@code homepage} is {@code null} when there is none.
 */
public record AppView(
        String clientId,
        String name,
        String kind,
        List<String> redirectUris,
        List<String> scopes,
        String homepage,
        Instant created,
        @JsonInclude(JsonInclude.Include.NON_NULL) String clientSecret) {

    AppView withSecret(String secret) {
        return new AppView(clientId, name, kind, redirectUris, scopes, homepage, created, secret);
    }

    public record Apps(List<AppView> apps) {}

    public record Secret(String clientId, String clientSecret) {}
}
