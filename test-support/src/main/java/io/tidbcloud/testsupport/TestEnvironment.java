package io.tidbcloud.testsupport;

import java.util.Map;

/**
 * How the helpers here read the variables of {@code infra/README.md}: a JVM system property of the
 * same name wins over the environment, so a Maven run can pass them with {@code -D}.
 */
final class TestEnvironment {

    private TestEnvironment() {}

    static String read(Map<String, String> env, String name, String fallback) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = env.get(name);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
