package io.tidbcloud.contract.portal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The body of {@code POST /v1/apps}, as sent; auth-service checks every rule (its messages name the
 * field). A {@code kind} the reader does not know reads as null.
 *
 * @param redirectUris a web application's exact redirect URIs; none for a device application
 * @param scopes the API scopes it may ask for, as their values ({@code project:read}, ...)
 * @param homepage optional
 */
@JsonPropertyOrder({"name", "kind", "redirectUris", "scopes", "homepage"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApplicationRegistration(
        String name, ApplicationKind kind, List<String> redirectUris, List<String> scopes, String homepage) {

    public ApplicationRegistration {
        redirectUris = redirectUris == null ? List.of() : redirectUris;
        scopes = scopes == null ? List.of() : scopes;
    }
}
