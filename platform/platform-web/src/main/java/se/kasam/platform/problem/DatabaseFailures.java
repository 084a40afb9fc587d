package se.kasam.platform.problem;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Database failures that are not faults of the code, found in a failure's cause chain (the pool, Hibernate and the
 * transaction manager each wrap the driver's exception): the database cannot be reached right now (stopped,
 * restarting, failing over), which a client may retry; or it refused a text value of the request.
 */
public final class DatabaseFailures {
    /** Seconds a client is told to wait: about what a PostgreSQL restart or a CloudNativePG failover takes. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseFailures() {
    }

    public static boolean unavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && (unavailableState(sql.getSQLState()) || poolTimedOut(sql))) {
                return true;
            }
        }
        return false;
    }

    /**
     * PostgreSQL refused a text value: a character it cannot store (U+0000, SQLSTATE 22021) or translate (22P05).
     * The request filters and the JSON reader refuse these first, naming the field; this is the net behind them.
     */
    public static boolean refusedText(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE class 08 (connection exception) and 57P01-57P03 (admin or crash shutdown, cannot connect now). */
    static boolean unavailableState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }

    /** Agroal gives up waiting for a connection with a plain SQLException when none can be made. */
    private static boolean poolTimedOut(SQLException e) {
        return e.getSQLState() == null && e.getMessage() != null && e.getMessage().startsWith("Acquisition timeout");
    }
}
