package se.kasam.platform.problem;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure means the service's database cannot be reached right now (stopped, restarting, failing over),
 * which a client may retry, as opposed to a fault of the request or of the code. Walks the cause chain: the pool,
 * Hibernate and the transaction manager each wrap the driver's exception.
 */
public final class DatabaseUnavailable {
    /** Seconds a client is told to wait: about what a PostgreSQL restart or a CloudNativePG failover takes. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseUnavailable() {
    }

    public static boolean isCause(Throwable failure) {
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
