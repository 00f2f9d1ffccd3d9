package io.tidbcloud.resourceserver.error;

import java.sql.SQLException;

/**
 * A value from the request that the database refuses as data (SQL standard SQLSTATE class 22,
 * "data exception"): PostgreSQL cannot hold a NUL character in text, for one. That is the
 * client's input, not our failure: 400, not 500. Read from the SQLSTATE, never from message text.
 */
final class UnstorableValue {

    private UnstorableValue() {}

    static boolean isCauseOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }
}
