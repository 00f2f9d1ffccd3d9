package io.tidbcloud.auth.apps;

import io.tidbcloud.auth.keycloak.RealmClients;
import io.tidbcloud.contract.portal.ApplicationKind;
import io.tidbcloud.contract.scope.ApiScope;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.representations.idm.ClientRepresentation;

/**
 * The Keycloak client a registered application gets (/work/spec/api.md): consent required, only the
 * chosen API scopes (optional, so the person picks), no full scope, no implicit, direct-access or
 * service-account grants, rotating refresh tokens; a web app is confidential with PKCE S256 and
 * exact redirect URIs, a device app public with only the device grant.
 */
final class KeycloakClientSettings {

    static final String PKCE_METHOD_ATTRIBUTE = "pkce.code.challenge.method";
    static final String USE_REFRESH_TOKENS_ATTRIBUTE = "use.refresh.tokens";
    static final String BASIC_SCOPE = "basic";

    private KeycloakClientSettings() {}

    static ClientRepresentation of(String clientId, NewApp app) {
        boolean web = app.kind() == ApplicationKind.WEB;
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setName(app.name());
        client.setBaseUrl(app.homepage());
        client.setProtocol("openid-connect");
        client.setEnabled(true);
        client.setConsentRequired(true);
        client.setFullScopeAllowed(false);
        client.setImplicitFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        client.setServiceAccountsEnabled(false);
        client.setFrontchannelLogout(false);
        client.setBearerOnly(false);
        client.setPublicClient(!web);
        client.setStandardFlowEnabled(web);
        if (web) {
            client.setClientAuthenticatorType("client-secret");
        }
        client.setRedirectUris(app.redirectUris());
        client.setWebOrigins(List.of());
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(USE_REFRESH_TOKENS_ATTRIBUTE, "true");
        if (web) {
            attributes.put(PKCE_METHOD_ATTRIBUTE, "S256");
        } else {
            attributes.put(RealmClients.DEVICE_GRANT_ATTRIBUTE, "true");
        }
        client.setAttributes(attributes);
        client.setDefaultClientScopes(List.of(BASIC_SCOPE));
        client.setOptionalClientScopes(
                app.scopes().stream().map(ApiScope::value).toList());
        return client;
    }
}
