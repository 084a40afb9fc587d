package se.kasam.platform.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {
    @Test
    void aRefusedOrShutDownConnectionIsUnavailableHoweverDeepItIsWrapped() {
        // what the PostgreSQL driver says when the server is stopped, and while it shuts down
        assertTrue(DatabaseUnavailable.isCause(new SQLException("Connection to 127.0.0.1:5432 refused", "08001")));
        assertTrue(DatabaseUnavailable.isCause(new IllegalStateException("could not prepare statement",
                new RuntimeException(new SQLException("terminating connection due to administrator command", "57P01")))));
        assertTrue(DatabaseUnavailable.isCause(new SQLException("the database system is starting up", "57P03")));
        assertTrue(DatabaseUnavailable.isCause(new IllegalStateException(new SQLTransientConnectionException("gone"))));
        assertTrue(DatabaseUnavailable.isCause(new SQLException("Acquisition timeout while waiting for new connection")));
    }

    @Test
    void aFaultOfTheRequestOrTheCodeIsNot() {
        assertFalse(DatabaseUnavailable.isCause(new SQLException("duplicate key value violates unique constraint", "23505")));
        assertFalse(DatabaseUnavailable.isCause(new SQLException("syntax error", "42601")));
        assertFalse(DatabaseUnavailable.isCause(new SQLException("no state")));
        assertFalse(DatabaseUnavailable.isCause(new NullPointerException()));
    }
}
