package io.tidbcloud.api.cluster;

import io.quarkus.scheduler.Scheduled;
import io.tidbcloud.api.config.ApiConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Picks up due lifecycle work from the database every {@code tidbcloud.api.provisioning.poll-interval}
 * (default 1s; {@code off} disables it), in batches of {@code batch-size} until no full batch is due.
 * Keeps nothing in memory: work queued before a restart is found and finished after it.
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
        int batchSize = config.provisioning().batchSize();
        Set<Long> advanced = new HashSet<>();
        while (true) {
            List<Long> due = lifecycle.dueClusterIds(Instant.now(), batchSize);
            boolean tookNew = false;
            for (long clusterId : due) {
                if (advanced.add(clusterId)) {
                    tookNew = true;
                    advance(clusterId);
                }
            }
            // A full batch means more is due: go on now rather than at the next poll, or a burst of
            // creates and deletes waits behind a fixed number of steps per interval and clusters stay
            // CREATING or DELETING ever longer. A cluster taken once waits for the next run, so a step
            // that is due again at once cannot hold the run forever.
            if (due.size() < batchSize || !tookNew) {
                return;
            }
        }
    }

    private void advance(long clusterId) {
        try {
            lifecycle.advance(clusterId, Instant.now());
        } catch (RuntimeException e) {
            LOG.warnf(e, "lifecycle step of cluster %d failed; retrying later", clusterId);
            lifecycle.retryLater(clusterId, Instant.now());
        }
    }
}
