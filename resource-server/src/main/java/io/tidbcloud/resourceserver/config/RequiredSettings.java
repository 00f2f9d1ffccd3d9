package io.tidbcloud.resourceserver.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import java.util.Map;

/**
 * Settings a service refuses to start without, each an expression naming the environment variable
 * to set, e.g. in its production profile:
 *
 * <pre>{@code
 * %prod.tidbcloud.required.database-password=${QUARKUS_DATASOURCE_PASSWORD}
 * }</pre>
 *
 * Quarkus reads every config mapping when it starts, before a connection is opened; an unset (or
 * empty) variable then stops the start with {@code Could not expand value QUARKUS_DATASOURCE_PASSWORD
 * in property tidbcloud.required.database-password}. Needed because Quarkus treats an optional
 * setting (a datasource password, a client secret) whose expression cannot be expanded as simply
 * absent, and would start with none.
 */
@ConfigMapping(prefix = "tidbcloud.required")
public interface RequiredSettings {

    /** By a name of the setting's choice; the values are not used, only their presence is. */
    @WithParentName
    Map<String, String> settings();
}
