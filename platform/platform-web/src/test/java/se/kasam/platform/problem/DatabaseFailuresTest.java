package se.kasam.platform.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseFailuresTest {
    @Test
    void aRefusedOrShutDownConnectionIsUnavailableHoweverDeepItIsWrapped() {
        // what the PostgreSQL driver says when the server is stopped, and while it shuts down
        assertTrue(DatabaseFailures.unavailable(new SQLException("Connection to 127.0.0.1:5432 refused", "08001")));
        assertTrue(DatabaseFailures.unavailable(new IllegalStateException("could not prepare statement",
                new RuntimeException(new SQLException("terminating connection due to administrator command", "57P01")))));
        assertTrue(DatabaseFailures.unavailable(new SQLException("the database system is starting up", "57P03")));
        assertTrue(DatabaseFailures.unavailable(new IllegalStateException(new SQLTransientConnectionException("gone"))));
        assertTrue(DatabaseFailures.unavailable(new SQLException("Acquisition timeout while waiting for new connection")));
    }

    @Test
    void aFaultOfTheRequestOrTheCodeIsNot() {
        assertFalse(DatabaseFailures.unavailable(new SQLException("duplicate key value violates unique constraint", "23505")));
        assertFalse(DatabaseFailures.unavailable(new SQLException("syntax error", "42601")));
        assertFalse(DatabaseFailures.unavailable(new SQLException("no state")));
        assertFalse(DatabaseFailures.unavailable(new NullPointerException()));
    }

    @Test
    void aCharacterTheDatabaseCannotStoreIsARefusedValueNotAnOutage() {
        SQLException nul = new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021");
        assertTrue(DatabaseFailures.refusedText(new IllegalStateException(nul)));
        assertFalse(DatabaseFailures.unavailable(nul));
        assertFalse(DatabaseFailures.refusedText(new SQLException("numeric field overflow", "22003")));
    }
}
