package io.tidbcloud.api.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of the cloud API, under {@code tidbcloud.api.*} (env {@code TIDBCLOUD_API_*}). */
@ConfigMapping(prefix = "tidbcloud.api")
public interface ApiConfig {

    Paging paging();

    Tenancy tenancy();

    Clusters clusters();

    Provisioning provisioning();

    TokenCache tokenCache();

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

    interface Clusters {

        /** TiDB version a new cluster reports. */
        @WithDefault("v7.5.2")
        String version();
    }

    /** The default (simulated) provisioner and the worker that drives cluster lifecycles. */
    interface Provisioning {

        /** How long creating a cluster takes before it turns ACTIVE. */
        @WithDefault("5S")
        Duration createDelay();

        /** How long deleting a cluster takes before it is gone. */
        @WithDefault("2S")
        Duration deleteDelay();

        /**
         * Host of a cluster's public endpoint; {@code {region}} and {@code {provider}} are replaced
         * by the region code (us-east-1) and the cloud provider (aws).
         */
        @WithDefault("gateway01.{region}.prod.{provider}.tidbcloud.com")
        String publicHost();

        /** Port of a cluster's public endpoint. */
        @WithDefault("4000")
        int publicPort();

        /**
         * How often the worker looks for due lifecycle work (a duration such as {@code 1s}), or
         * {@code off} to run no worker on this instance. Read by the {@code @Scheduled} expression.
         */
        @WithDefault("1s")
        String pollInterval();

        /** Most clusters one query of the worker takes; a run queries again while a full batch was due. */
        @WithDefault("50")
        int batchSize();
    }

    /** Verified bearer tokens remembered until they expire (see VerifiedTokenCache). */
    interface TokenCache {

        /** Most tokens remembered at once; {@code 0} verifies every request's token in full. */
        @WithDefault("10000")
        int maxEntries();
    }
}
