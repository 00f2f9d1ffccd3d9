package io.tidbcloud.e2e;

import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A cloud-api-service process for one test class, registered on a static field with
 * {@code @RegisterExtension}: started before the class's first test, stopped after its last, so the
 * class pays the start-up once and its tests share one database.
 */
final class CloudApiProcess implements BeforeAllCallback, AfterAllCallback {

    private final Map<String, String> env;
    private ServiceProcess process;

    CloudApiProcess() {
        this(Map.of());
    }

    /** @param env settings for this instance, e.g. {@code TIDBCLOUD_API_PROVISIONING_CREATE_DELAY} */
    CloudApiProcess(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        process = ServiceProcess.start("cloud-api-service", env);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (process != null) {
            process.close();
            process = null;
        }
    }

    String baseUrl() {
        if (process == null) {
            throw new IllegalStateException("cloud-api-service is not running: register CloudApiProcess "
                    + "with @RegisterExtension on a static field");
        }
        return process.baseUrl();
    }
}
