package io.tidbcloud.auth.authorizations;

import java.time.Instant;
import java.util.List;

/**
 * A person's grant to one client, as Keycloak's admin API lists it (a stored consent, or only an
 * offline token).
 *
 * @param grantedScopes the names of the granted client scopes ({@code project:read}, {@code email}, ...)
 * @param offlineToken whether the client holds an offline token ({@code offline_access})
 */
public record Consent(
        String clientId, List<String> grantedScopes, Instant created, Instant lastUpdated, boolean offlineToken) {}
