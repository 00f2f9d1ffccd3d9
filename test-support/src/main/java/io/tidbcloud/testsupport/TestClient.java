package io.tidbcloud.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A confidential client of realm {@code tidbcloud} created by {@link KeycloakAdmin} for a test.
 * Its tokens come from the real token endpoint (client-credentials grant); their subject is the
 * client's service-account user.
 */
public final class TestClient {

    private final KeycloakAdmin admin;
    private final String clientId;
    private final String secret;
    private final String internalId;
    private String subject;

    TestClient(KeycloakAdmin admin, String clientId, String secret, String internalId) {
        this.admin = admin;
        this.clientId = clientId;
        this.secret = secret;
        this.internalId = internalId;
    }

    /**
     * A fresh access token carrying the given scopes (each must be one of the client's optional
     * scopes). With no scopes the token has only the realm's default scopes, and so no
     * {@code cloud-api} audience.
     */
    public String token(String... scopes) {
        return tokenResponse(scopes).path("access_token").asText();
    }

    /**
     * The token endpoint's whole answer for the given scopes: {@code access_token}, and with scope
     * {@code openid} an {@code id_token}; a {@code refresh_token} too when the client's attribute
     * {@code client_credentials.use_refresh_token} is on ({@link KeycloakAdmin#setClientAttribute}).
     */
    public JsonNode tokenResponse(String... scopes) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", secret);
        if (scopes.length > 0) {
            form.put("scope", String.join(" ", scopes));
        }
        return admin.http().postForm(admin.settings().tokenEndpoint(), form);
    }

    /** The {@code sub} of this client's tokens: the id of its service-account user. */
    public synchronized String subject() {
        if (subject == null) {
            subject = admin.serviceAccountUserId(this);
        }
        return subject;
    }

    public String clientId() {
        return clientId;
    }

    public String secret() {
        return secret;
    }

    /** Keycloak's id of the client (the one in admin URLs), not its client id. */
    public String internalId() {
        return internalId;
    }
}
