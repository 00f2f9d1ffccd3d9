package io.tidbcloud.resourceserver.error;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells a database that cannot serve now (down, unreachable, restarting, out of connections) from a
 * failure of our own (a bad statement, a violated constraint), by the JDBC exception types and the
 * SQLSTATE classes of the SQL standard, never by message text. The first is worth a retry (503), the
 * second is a bug (500).
 */
final class DatabaseUnavailable {

    private DatabaseUnavailable() {}

    /**
     * Looks through the causes and the suppressed exceptions: a commit that fails because the server
     * ended the connection (PostgreSQL restarting) reaches us as the transaction manager's
     * RollbackException, which carries the driver's exception only as a suppressed one.
     */
    static boolean isCauseOf(Throwable failure) {
        return isCauseOf(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static boolean isCauseOf(Throwable failure, Set<Throwable> seen) {
        if (failure == null || !seen.add(failure)) {
            return false;
        }
        if (failure instanceof SQLException sql && isUnavailable(sql)) {
            return true;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (isCauseOf(suppressed, seen)) {
                return true;
            }
        }
        return isCauseOf(failure.getCause(), seen);
    }

    private static boolean isUnavailable(SQLException e) {
        if (e instanceof SQLTransientException
                || e instanceof SQLNonTransientConnectionException
                || e instanceof SQLRecoverableException) {
            return true;
        }
        String state = e.getSQLState();
        // No SQLSTATE: the connection pool's own failure (no connection within the acquisition
        // timeout); every error the server sends carries one.
        return state == null
                || state.startsWith("08") // connection exception
                || state.startsWith("53") // insufficient resources: too many connections, disk full
                || state.startsWith("57P"); // operator intervention: shutdown, crash, cannot connect now
    }
}
