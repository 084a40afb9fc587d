package se.kasam.platform.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Runs a scheduled job on one replica at a time: every replica's scheduler fires it, the first takes a PostgreSQL
 * advisory lock named after the job and runs it, and a replica that finds the lock taken skips. The lock is held on
 * a connection of its own for the job's whole run (the job may commit many transactions) and is gone with that
 * connection if the replica dies. Jobs must be safe to run again (a replica whose clock is late may start one
 * just after another finished): they recompute from the data, they do not count runs.
 */
@ApplicationScoped
public class ClusterJobs {
    private static final Logger LOG = Logger.getLogger(ClusterJobs.class);

    @Inject
    DataSource dataSource;

    /**
     * @param job  the job's name, the same on every replica (e.g. {@code sickleave.nightly-recompute})
     * @param work the job; it starts its own transactions
     * @return whether this replica ran it (false: another was running it)
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public boolean runExclusively(String job, Runnable work) {
        try (Connection connection = dataSource.getConnection()) {
            if (!call(connection, "select pg_try_advisory_lock(hashtext('kasam.jobs'), hashtext(?))", job)) {
                LOG.debugf("job %s is running on another replica; skipped here", job);
                return false;
            }
            try {
                work.run();
                return true;
            } finally {
                // the connection goes back to the pool, so the lock must not stay with it
                call(connection, "select pg_advisory_unlock(hashtext('kasam.jobs'), hashtext(?))", job);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the lock of job " + job, e);
        }
    }

    private static boolean call(Connection connection, String sql, String job) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, job);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
