package io.tidbcloud.auth.apps;

import io.tidbcloud.contract.portal.ApplicationKind;
import io.tidbcloud.contract.scope.ApiScope;
import java.util.List;

/** An application registration that passed {@link AppValidator}: trimmed, typed, ready for Keycloak. */
public record NewApp(
        String name, ApplicationKind kind, List<String> redirectUris, List<ApiScope> scopes, String homepage) {}
