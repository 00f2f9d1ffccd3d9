package io.tidbcloud.api.cluster;

import io.quarkus.scheduler.Scheduled;
import io.tidbcloud.api.config.ApiConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Picks up due lifecycle work from the database every {@code tidbcloud.api.provisioning.poll-interval}
 * (default 1s; {@code off} disables it). Keeps nothing in memory: work queued before a restart is
 * found and finished after it.
 */
@ApplicationScoped
public class ClusterWorker {

    public static final String IDENTITY = "cluster-lifecycle";
    private static final Logger LOG = Logger.getLogger(ClusterWorker.class);

    @Inject
    ClusterLifecycle lifecycle;

    @Inject
    ApiConfig config;

    @Scheduled(
            identity = IDENTITY,
            every = "${tidbcloud.api.provisioning.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void advanceDueClusters() {
        Instant now = Instant.now();
        for (long clusterId : lifecycle.dueClusterIds(now, config.provisioning().batchSize())) {
            try {
                lifecycle.advance(clusterId, now);
            } catch (RuntimeException e) {
                LOG.warnf(e, "lifecycle step of cluster %d failed; retrying later", clusterId);
                lifecycle.retryLater(clusterId, Instant.now());
            }
        }
    }
}
