package io.tidbcloud.testsupport;

import io.tidbcloud.contract.Realm;
import java.util.Map;

/**
 * Where the test Keycloak is and how to administer it, read from the variables of
 * {@code infra/README.md} as {@link TestEnvironment} reads them (a JVM system property wins).
 */
public record KeycloakTestSettings(String keycloakUrl, String adminUser, String adminPassword, String realm) {

    public static final String REALM = Realm.NAME;

    public static KeycloakTestSettings fromEnvironment() {
        return from(System.getenv());
    }

    static KeycloakTestSettings from(Map<String, String> env) {
        return new KeycloakTestSettings(
                stripTrailingSlash(TestEnvironment.read(env, "TIDBCLOUD_KEYCLOAK_URL", "http://localhost:8180")),
                TestEnvironment.read(env, "TIDBCLOUD_KEYCLOAK_ADMIN_USER", "admin"),
                TestEnvironment.read(env, "TIDBCLOUD_KEYCLOAK_ADMIN_PASSWORD", "admin"),
                REALM);
    }

    /** The issuer of tokens of the realm, e.g. {@code http://localhost:18180/realms/tidbcloud}. */
    public String realmUrl() {
        return keycloakUrl + "/realms/" + realm;
    }

    public String tokenEndpoint() {
        return realmUrl() + "/protocol/openid-connect/token";
    }

    String adminRealmUrl() {
        return keycloakUrl + "/admin/realms/" + realm;
    }

    String masterTokenEndpoint() {
        return keycloakUrl + "/realms/master/protocol/openid-connect/token";
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
