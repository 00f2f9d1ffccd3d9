package io.tidbcloud.auth.revocation;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Wakes this instance's feed when any auth-service instance stored revocations: PostgreSQL's
 * {@code LISTEN} on {@link RevocationStore#CHANNEL}, over a connection of its own (outside the pool,
 * whose connections change hands: a {@code LISTEN} belongs to one session), on a thread of its own.
 * A lost connection is reopened after a pause that doubles from 100 ms to 5 s; every (re)opening
 * wakes the feed once, for what was committed while nobody listened.
 *
 * <p>Not the only way news arrives: each subscriber loop also reads the store whenever it sends a
 * heartbeat ({@code tidbcloud.revocation.heartbeat}, 1 s), so with this listener down a revocation
 * stored by another instance is late by at most that interval, never lost.
 */
@ApplicationScoped
public class RevocationNotificationListener {

    private static final Logger LOG = Logger.getLogger(RevocationNotificationListener.class);
    /**
     * Shown in {@code pg_stat_activity}, to tell this connection from the pool's and one instance's
     * from another's (instances on one host differ by process id).
     */
    static final String APPLICATION_NAME =
            "auth-service revocation listener, pid " + ProcessHandle.current().pid();

    private static final long FIRST_PAUSE_MILLIS = 100;
    private static final long LONGEST_PAUSE_MILLIS = 5_000;
    /** How long one wait for notifications lasts; between two, the connection is checked. */
    private static final int WAIT_MILLIS = 1_000;

    private final RevocationService revocations;
    private final PGSimpleDataSource database = new PGSimpleDataSource();
    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;

    RevocationNotificationListener(
            RevocationService revocations,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.revocations = revocations;
        database.setURL(url);
        username.ifPresent(database::setUser);
        password.ifPresent(database::setPassword);
        database.setApplicationName(APPLICATION_NAME);
        database.setConnectTimeout(5);
        database.setTcpKeepAlive(true);
    }

    void start(@Observes StartupEvent started) {
        running = true;
        thread = new Thread(this::run, "revocation-notifications");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Whether this instance listens now (a notification would reach it). */
    public boolean listening() {
        return listening;
    }

    private void run() {
        long pause = FIRST_PAUSE_MILLIS;
        boolean failedBefore = false;
        while (running) {
            try (Connection connection = database.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + RevocationStore.CHANNEL);
                }
                listening = true;
                if (failedBefore) {
                    LOG.info("revocation notifications: listening again");
                }
                failedBefore = false;
                pause = FIRST_PAUSE_MILLIS;
                revocations.changed();
                listen(connection.unwrap(PGConnection.class), connection);
            } catch (SQLException e) {
                if (!running) {
                    break;
                }
                if (!failedBefore) {
                    LOG.warnf(
                            "revocation notifications: %s; reconnecting (the feed reads the store every heartbeat meanwhile)",
                            e.getMessage());
                }
                failedBefore = true;
            } finally {
                listening = false;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                break;
            }
            pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
        }
    }

    private void listen(PGConnection notifications, Connection connection) throws SQLException {
        while (running) {
            PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
            if (received != null && received.length > 0) {
                revocations.changed();
            } else if (!connection.isValid(2)) {
                // a server gone without closing the socket would otherwise leave us waiting forever
                throw new SQLException("the listening connection is no longer valid");
            }
        }
    }
}
