package io.tidbcloud.api.cluster;

import io.tidbcloud.api.cluster.provisioning.ClusterProvisioner;
import io.tidbcloud.api.cluster.provisioning.ClusterProvisioner.Created;
import io.tidbcloud.api.cluster.provisioning.ClusterProvisioner.Deleted;
import io.tidbcloud.api.cluster.provisioning.ClusterProvisioner.Pending;
import io.tidbcloud.api.region.Region;
import io.tidbcloud.api.region.RegionCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Advances clusters through their lifecycle: CREATING to ACTIVE, DELETING to gone. All state is in
 * the clusters table (pending operation, when it started, when it is due), so a restarted instance
 * simply finds the due work again. Each step runs in its own transaction on a locked row, so two
 * instances never advance the same cluster at once, and a crash mid-step rolls back to "still due".
 */
@ApplicationScoped
public class ClusterLifecycle {

    private static final Logger LOG = Logger.getLogger(ClusterLifecycle.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    @Inject
    ClusterProvisioner provisioner;

    @Inject
    RegionCatalog regions;

    @Transactional
    public List<Long> dueClusterIds(Instant now, int limit) {
        return Cluster.getEntityManager()
                .createQuery(
                        "select c.id from Cluster c where c.pendingOperation is not null and c.dueAt <= :now "
                                + "order by c.dueAt, c.id",
                        Long.class)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Takes one step of a due cluster's pending work; does nothing if another instance took it meanwhile. */
    @Transactional
    public void advance(long clusterId, Instant now) {
        Cluster cluster = Cluster.findById(clusterId, LockModeType.PESSIMISTIC_WRITE);
        if (cluster == null || cluster.pendingOperation == null || cluster.dueAt.isAfter(now)) {
            return;
        }
        Region region = regions.find(cluster.regionName)
                .orElseThrow(() -> new IllegalStateException(
                        "cluster " + clusterId + " is in unknown region " + cluster.regionName));
        ClusterProvisioner.Task task = new ClusterProvisioner.Task(
                cluster.id, region.regionId, region.cloudProvider, region.code(), cluster.operationStartedAt, now);
        if (cluster.pendingOperation == PendingOperation.CREATE) {
            ClusterProvisioner.CreateProgress progress = provisioner.create(task);
            if (progress instanceof Pending pending) {
                cluster.dueAt = pending.checkAgainAt();
            } else if (progress instanceof Created created) {
                cluster.publicHost = created.publicHost();
                cluster.publicPort = created.publicPort();
                cluster.userPrefix = created.userPrefix();
                cluster.state = ClusterState.ACTIVE;
                cluster.updatedAt = now;
                cluster.clearPendingWork();
                LOG.infof("cluster %d is ACTIVE", clusterId);
            }
        } else {
            ClusterProvisioner.DeleteProgress progress = provisioner.delete(task);
            if (progress instanceof Pending pending) {
                cluster.dueAt = pending.checkAgainAt();
            } else if (progress instanceof Deleted) {
                cluster.delete();
                LOG.infof("cluster %d is deleted", clusterId);
            }
        }
    }

    /** After a failed step: try again later, waiting longer after each failure. */
    @Transactional
    public void retryLater(long clusterId, Instant now) {
        Cluster cluster = Cluster.findById(clusterId, LockModeType.PESSIMISTIC_WRITE);
        if (cluster == null || cluster.pendingOperation == null) {
            return;
        }
        cluster.attempts++;
        Duration backoff = Duration.ofSeconds(1L << Math.min(cluster.attempts, 8));
        cluster.dueAt = now.plus(backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff);
    }
}
