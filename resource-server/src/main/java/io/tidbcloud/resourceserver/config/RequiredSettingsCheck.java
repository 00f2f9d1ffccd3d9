package io.tidbcloud.resourceserver.config;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Injects {@link RequiredSettings} into a bean created at start-up: Quarkus validates a config mapping
 * only when something injects it, and then does so with the rest of the configuration, before the
 * datasource or Flyway open a connection.
 */
@Startup
@ApplicationScoped
public class RequiredSettingsCheck {

    RequiredSettingsCheck(RequiredSettings required) {
        Logger.getLogger(RequiredSettingsCheck.class)
                .debugf("required settings present: %s", required.settings().keySet());
    }
}
