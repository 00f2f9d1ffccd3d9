package io.tidbcloud.api.testing;

import io.tidbcloud.testsupport.KeycloakAdmin;
import io.tidbcloud.testsupport.TestClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test clients of one test class, each a tenant of this API with real tokens from the test
 * Keycloak. Register it on a static field and create the clients in {@code @BeforeAll}; they are
 * deleted after the class's last test, so a run leaves no clients behind in the shared realm.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final KeycloakClients keycloak = new KeycloakClients();
 *
 * @BeforeAll
 * static void createClients() {
 *     alice = keycloak.create("clusters-alice", "cluster:read");
 * }
 * }</pre>
 */
public final class KeycloakClients implements AfterAllCallback {

    private KeycloakAdmin admin;

    /** A new confidential client that may ask for the given scopes; see {@link KeycloakAdmin#createServiceClient}. */
    public TestClient create(String name, String... optionalScopes) {
        return admin().createServiceClient(name, optionalScopes);
    }

    /** The admin API, for what a test changes on its clients (token lifespans). */
    public KeycloakAdmin admin() {
        // Connected on first use: a class that never creates a client never needs Keycloak.
        if (admin == null) {
            admin = KeycloakAdmin.fromEnvironment();
        }
        return admin;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (admin != null) {
            admin.close();
            admin = null;
        }
    }
}
