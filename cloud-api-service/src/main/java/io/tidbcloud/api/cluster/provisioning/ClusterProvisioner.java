package io.tidbcloud.api.cluster.provisioning;

import java.time.Instant;

/**
 * Brings clusters into being and takes them away. The worker asks again and again until the work
 * is done, so an implementation only reports progress and never blocks: it can start the real work
 * on the first call and look at it on the next ones. Every call carries what is needed to continue
 * after a restart ({@link Task#startedAt()}).
 */
public interface ClusterProvisioner {

    CreateProgress create(Task task);

    DeleteProgress delete(Task task);

    /** A cluster and the lifecycle step it waits for. */
    record Task(
            long clusterId, String regionId, String cloudProvider, String regionCode, Instant startedAt, Instant now) {}

    sealed interface CreateProgress permits Pending, Created {}

    sealed interface DeleteProgress permits Pending, Deleted {}

    /** Not done yet; look again at {@code checkAgainAt}. */
    record Pending(Instant checkAgainAt) implements CreateProgress, DeleteProgress {}

    /** The cluster is running and reachable at its public endpoint; SQL user names start with {@code userPrefix}. */
    record Created(String publicHost, int publicPort, String userPrefix) implements CreateProgress {}

    /** The cluster and its data are gone. */
    record Deleted() implements DeleteProgress {}
}
