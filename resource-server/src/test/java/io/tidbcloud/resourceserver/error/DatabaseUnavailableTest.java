package io.tidbcloud.resourceserver.error;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

    /** PostgreSQL's admin_shutdown, what a connection gets when the server is restarted (pg_ctl -m fast). */
    private static final SQLException SERVER_SHUTTING_DOWN =
            new SQLException("FATAL: terminating connection due to administrator command", "57P01");

    @Test
    void aCommitFailedBecauseTheServerEndedTheConnectionIsUnavailableThoughOnlySuppressedThere() {
        // Narayana's RollbackException carries the XAException (caused by the driver's) as suppressed only.
        Exception rollback = new IllegalStateException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(
                new Exception("Error trying to transactionCommit local transaction", SERVER_SHUTTING_DOWN));

        assertTrue(DatabaseUnavailable.isCauseOf(new RuntimeException("Error invoking subclass method", rollback)));
    }

    @Test
    void aViolatedConstraintIsOursNotTheDatabasesEvenWhenSuppressed() {
        Exception rollback = new IllegalStateException("Could not commit transaction.");
        rollback.addSuppressed(new SQLException("duplicate key value violates unique constraint", "23505"));

        assertFalse(DatabaseUnavailable.isCauseOf(rollback));
    }

    @Test
    void aCycleOfCausesAndSuppressedEnds() {
        Exception first = new Exception("first");
        Exception second = new Exception("second", first);
        first.addSuppressed(second);

        assertFalse(DatabaseUnavailable.isCauseOf(second));
    }
}
