package io.tidbcloud.auth.revocation;

import io.tidbcloud.contract.revocation.RevocationEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Keeps revocations and wakes the feed's subscribers. Nothing here is shared with other instances:
 * the store serializes writes across instances (feed order, {@code seq}, is commit order), and
 * {@link RevocationNotificationListener} wakes this instance's feed when any instance stored some.
 */
@ApplicationScoped
public class RevocationService {

    private static final Logger LOG = Logger.getLogger(RevocationService.class);

    private final RevocationStore store;
    private final Clock clock;
    private final ReentrantLock signalLock = new ReentrantLock();
    private final Condition changed = signalLock.newCondition();
    private long generation;

    RevocationService(RevocationStore store) {
        this.store = store;
        this.clock = Clock.systemUTC();
    }

    /** Stores the revocations (each once); returns a problem with the first bad one, if any, storing none. */
    public Optional<String> record(List<RevocationEvent> revocations) {
        for (RevocationEvent revocation : revocations) {
            Optional<String> problem = revocation == null
                    ? Optional.of("a revocation is null")
                    : revocation.problem().or(() -> storable(revocation));
            if (problem.isPresent()) {
                return problem;
            }
        }
        int added = store.insertNew(revocations, clock.millis());
        if (added > 0) {
            LOG.infof("stored %d revocation(s)", added);
            // This instance's subscribers need not wait for the notification's round trip.
            changed();
        }
        return Optional.empty();
    }

    /** What the table cannot hold (V1's column sizes). */
    private static Optional<String> storable(RevocationEvent revocation) {
        if (revocation.id().length() > 64) {
            return Optional.of("jti is at most 64 characters");
        }
        if (revocation.reason() != null && revocation.reason().length() > 64) {
            return Optional.of("reason_admin is at most 64 characters");
        }
        for (String value : new String[] {
            revocation.issuer(),
            revocation.userId(),
            revocation.sessionId(),
            revocation.clientId(),
            revocation.tokenId()
        }) {
            if (value != null && value.length() > 255) {
                return Optional.of("identifiers are at most 255 characters");
            }
        }
        return Optional.empty();
    }

    public List<FeedEntry> after(long seq, int limit) {
        return store.after(seq, clock.millis(), limit);
    }

    public long lastSeq() {
        return store.lastSeq();
    }

    public int pruneExpired() {
        return store.pruneExpired(clock.millis());
    }

    /** A number that changes whenever revocations were added. */
    long generation() {
        signalLock.lock();
        try {
            return generation;
        } finally {
            signalLock.unlock();
        }
    }

    /** Waits until revocations are added after {@code seen} was read, or the timeout passes. */
    boolean awaitChange(long seen, long timeoutMillis) throws InterruptedException {
        signalLock.lock();
        try {
            long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            while (generation == seen) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = changed.awaitNanos(nanos);
            }
            return true;
        } finally {
            signalLock.unlock();
        }
    }

    /** Wakes every subscriber loop of this instance, which then reads the store. */
    void changed() {
        signalLock.lock();
        try {
            generation++;
            changed.signalAll();
        } finally {
            signalLock.unlock();
        }
    }
}
