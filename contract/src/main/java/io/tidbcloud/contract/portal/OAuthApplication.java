package io.tidbcloud.contract.portal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;

/**
 * An OAuth application a person registered, as {@code GET /v1/apps/{clientId}} answers it (and each
 * entry of {@link ApplicationList}, and the answer to {@code POST /v1/apps}).
 *
 * @param clientId the Keycloak client's id, {@code app-} and 20 base32 letters
 * @param redirectUris a web application's exact redirect URIs; empty for a device application
 * @param scopes the API scopes it may ask for ({@code project:read}, ...)
 * @param homepage null when there is none
 * @param created when it was registered, to the second
 * @param clientSecret only in the answer to {@code POST /v1/apps} for a web application, shown once;
 *     null, and left out of the JSON, everywhere else
 */
@JsonPropertyOrder({"clientId", "name", "kind", "redirectUris", "scopes", "homepage", "created", "clientSecret"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record OAuthApplication(
        String clientId,
        String name,
        ApplicationKind kind,
        List<String> redirectUris,
        List<String> scopes,
        String homepage,
        Instant created,
        @JsonInclude(JsonInclude.Include.NON_NULL) String clientSecret) {

    public OAuthApplication {
        redirectUris = redirectUris == null ? List.of() : redirectUris;
        scopes = scopes == null ? List.of() : scopes;
    }

    /** The same application with its new secret, for the answer that shows it. */
    public OAuthApplication withClientSecret(String secret) {
        return new OAuthApplication(clientId, name, kind, redirectUris, scopes, homepage, created, secret);
    }
}
