package io.tidbcloud.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Keycloak image that compose and Helm run counts the device flow's outcomes (its user event
 * metrics) exactly as bin/dev's Keycloak does: the same build-time switches in the builder stage,
 * the same events and tags in the image's environment.
 */
class KeycloakImageTest {

    private static final Pattern ENV = Pattern.compile("\\b(KC_[A-Z_]+)=(\\S+)");
    private static final Pattern OPTION = Pattern.compile("--([a-z-]+)=([^\\s)\"]+)");

    @Test
    void theImageAndBinDevEnableTheSameUserEventMetrics() throws IOException {
        String dockerfile = Files.readString(Repository.ROOT.resolve("infra/keycloak/Dockerfile"));
        int finalStage = dockerfile.lastIndexOf("\nFROM ");
        Map<String, String> builder = env(dockerfile.substring(0, finalStage));
        Map<String, String> image = env(dockerfile.substring(finalStage));
        Map<String, String> binDev = binDevMetricsOptions();

        assertThat(builder)
                .containsEntry("KC_METRICS_ENABLED", "true")
                .containsEntry("KC_FEATURES", "user-event-metrics")
                .containsEntry("KC_EVENT_METRICS_USER_ENABLED", "true");
        assertThat(binDev)
                .containsEntry("metrics-enabled", "true")
                .containsEntry("features", "user-event-metrics")
                .containsEntry("event-metrics-user-enabled", "true");
        assertThat(image.get("KC_EVENT_METRICS_USER_EVENTS"))
                .isEqualTo(binDev.get("event-metrics-user-events"))
                .contains("oauth2_device_verify_user_code", "oauth2_device_code_to_token");
        assertThat(image.get("KC_EVENT_METRICS_USER_TAGS")).isEqualTo(binDev.get("event-metrics-user-tags"));
    }

    private static Map<String, String> env(String dockerfile) {
        Map<String, String> env = new LinkedHashMap<>();
        Matcher m = ENV.matcher(dockerfile.replaceAll("(?m)^#.*$", ""));
        while (m.find()) {
            env.put(m.group(1), m.group(2));
        }
        return env;
    }

    /** The options of bin/dev's KEYCLOAK_METRICS_BUILD_OPTIONS and KEYCLOAK_METRICS_OPTIONS arrays. */
    private static Map<String, String> binDevMetricsOptions() throws IOException {
        String script = Files.readString(Repository.ROOT.resolve("bin/dev"));
        Matcher arrays = Pattern.compile("(?ms)^KEYCLOAK_METRICS_(?:BUILD_)?OPTIONS=\\((.*?)\\)$")
                .matcher(script);
        Map<String, String> options = new LinkedHashMap<>();
        while (arrays.find()) {
            Matcher option = OPTION.matcher(arrays.group(1));
            while (option.find()) {
                options.put(option.group(1), option.group(2));
            }
        }
        return options;
    }
}
