package io.tidbcloud.e2e;

import io.tidbcloud.testsupport.TestDatabase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The scale-out topology of `bin/dev test-scale`, for one test class: two Keycloak nodes (started
 * by bin/dev, clustered over JDBC_PING; node 2's address is the issuer), and, started here, two
 * auth-service instances on one database, two cloud-api instances on another, and two
 * {@link TcpBalancer}s standing in for the auth-service Service. Instance i (0 or 1) of each part
 * talks to Keycloak node i; balancer i prefers auth-service i and falls back to the other; Keycloak
 * node i delivers revocations and cloud-api i subscribes through balancer i. So while both
 * auth-service instances run, a revocation Keycloak node 1 delivers is stored by auth-service 1 and
 * reaches cloud-api 2 only through auth-service 2: through PostgreSQL.
 */
final class ScaleStack implements BeforeAllCallback, AfterAllCallback {

    static final int[] AUTH_PORTS = {28081, 28082};
    static final int[] API_PORTS = {28080, 28083};

    private final List<String> keycloakUrls = List.of(
            System.getenv().getOrDefault("TIDBCLOUD_SCALE_KEYCLOAK_URLS", "").split(","));
    private final int[] balancerPorts = Arrays.stream(System.getenv()
                    .getOrDefault("TIDBCLOUD_SCALE_BALANCER_PORTS", "28091,28092")
                    .split(","))
            .mapToInt(Integer::parseInt)
            .toArray();

    private final List<TcpBalancer> balancers = new ArrayList<>();
    private final ServiceProcess[] authServices = new ServiceProcess[2];
    private final ServiceProcess[] apis = new ServiceProcess[2];

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (keycloakUrls.size() != 2) {
            throw new IllegalStateException("TIDBCLOUD_SCALE_KEYCLOAK_URLS is unset: run bin/dev test-scale");
        }
        try {
            balancers.add(TcpBalancer.start(balancerPorts[0], List.of(AUTH_PORTS[0], AUTH_PORTS[1])));
            balancers.add(TcpBalancer.start(balancerPorts[1], List.of(AUTH_PORTS[1], AUTH_PORTS[0])));
            // one after the other: the first runs Flyway's migrations, the second finds them done
            for (int i = 0; i < 2; i++) {
                startAuthService(i);
            }
            for (int i = 0; i < 2; i++) {
                startApi(i);
            }
        } catch (Exception e) {
            afterAll(context);
            throw e;
        }
    }

    /** Keycloak node i's base URL (node 0 is the one at 28180). */
    String keycloakUrl(int node) {
        return keycloakUrls.get(node);
    }

    String realmUrl(int node) {
        return keycloakUrl(node) + "/realms/tidbcloud";
    }

    String apiUrl(int instance) {
        return "http://localhost:" + API_PORTS[instance];
    }

    List<String> apiUrls() {
        return List.of(apiUrl(0), apiUrl(1));
    }

    void startAuthService(int instance) throws Exception {
        Map<String, String> env = new HashMap<>(node(instance));
        env.put(ServiceProcess.DATABASE_URL, database("auth_service"));
        authServices[instance] = ServiceProcess.start("auth-service", AUTH_PORTS[instance], env);
    }

    void stopAuthService(int instance) throws Exception {
        authServices[instance].close();
        authServices[instance] = null;
    }

    /** Starts cloud-api instance i; returns once it reports ready (its revocation feed caught up). */
    void startApi(int instance) throws Exception {
        Map<String, String> env = new HashMap<>(node(instance));
        env.put(ServiceProcess.DATABASE_URL, database("cloud_api"));
        env.put("TIDBCLOUD_AUTH_SERVICE_URL", "http://localhost:" + balancerPorts[instance]);
        apis[instance] = ServiceProcess.start("cloud-api-service", API_PORTS[instance], env);
    }

    void stopApi(int instance) throws Exception {
        apis[instance].close();
        apis[instance] = null;
    }

    private Map<String, String> node(int instance) {
        return Map.of("TIDBCLOUD_OIDC_URL", realmUrl(instance), "TIDBCLOUD_KEYCLOAK_URL", keycloakUrl(instance));
    }

    private static String database(String name) {
        return "jdbc:postgresql://localhost:" + TestDatabase.port() + "/" + name;
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        for (ServiceProcess[] parts : List.of(apis, authServices)) {
            for (int i = 0; i < parts.length; i++) {
                if (parts[i] != null) {
                    parts[i].close();
                    parts[i] = null;
                }
            }
        }
        for (TcpBalancer balancer : balancers) {
            balancer.close();
        }
        balancers.clear();
    }
}
