package io.tidbcloud.auth.revocation;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Forgets revocations once every token they cover has expired. */
@ApplicationScoped
public class RevocationPruner {

    private static final Logger LOG = Logger.getLogger(RevocationPruner.class);

    private final RevocationService revocations;

    RevocationPruner(RevocationService revocations) {
        this.revocations = revocations;
    }

    @Scheduled(
            every = "${tidbcloud.revocation.prune-interval:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prune() {
        int pruned = revocations.pruneExpired();
        if (pruned > 0) {
            LOG.infof("pruned %d expired revocation(s)", pruned);
        }
    }
}
