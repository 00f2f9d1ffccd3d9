package io.tidbcloud.e2e;

import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole stack behind the web portal for one test class: {@link RevocationStack}'s auth-service
 * (port 18081) and a cloud-api-service subscribed to its feed, and the packaged web-portal on port
 * 18082 (where realm {@code tidbcloud} registers its exact redirect URI) calling both. Registered on
 * a static field with {@code @RegisterExtension}.
 */
final class PortalStack implements BeforeAllCallback, AfterAllCallback {

    static final int PORTAL_PORT = 18082;

    private final RevocationStack services = RevocationStack.withApiInstances(1);
    private ServiceProcess portal;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        services.beforeAll(context);
        try {
            portal = ServiceProcess.start(
                    "web-portal",
                    PORTAL_PORT,
                    Map.of(
                            "TIDBCLOUD_AUTH_SERVICE_URL", services.authServiceUrl(),
                            "TIDBCLOUD_API_URL", services.apiUrl()));
        } catch (Exception e) {
            afterAll(context);
            throw e;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            if (portal != null) {
                portal.close();
                portal = null;
            }
        } finally {
            services.afterAll(context);
        }
    }

    /** The portal's base URL, without a trailing slash. */
    String portalUrl() {
        return portal.baseUrl();
    }

    String apiUrl() {
        return services.apiUrl();
    }

    RevocationStack services() {
        return services;
    }
}
