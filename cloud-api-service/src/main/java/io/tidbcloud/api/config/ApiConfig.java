package io.tidbcloud.api.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Settings of the cloud API, under {@code tidbcloud.api.*} (env {@code TIDBCLOUD_API_*}). */
@ConfigMapping(prefix = "tidbcloud.api")
public interface ApiConfig {

    Paging paging();

    Tenancy tenancy();

    interface Paging {

        /** Page size when a list request names none. */
        @WithDefault("10")
        int defaultSize();

        /** Largest page size a list request may ask for. */
        @WithDefault("100")
        int maxSize();

        /**
         * Key that signs page tokens (HMAC-SHA256). Without it each instance makes a random key at
         * start, so page tokens do not outlive a restart nor cross instances.
         */
        Optional<String> tokenSecret();
    }

    interface Tenancy {

        /** Name of the project a user's first call creates. */
        @WithDefault("default")
        String defaultProjectName();
    }
}
