package se.kasam.platform.migration;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jboss.logging.Logger;

/**
 * The platform's own tables (outbox, inbox: {@code db/platform}) keep their own Flyway history,
 * {@value #HISTORY}, beside the service's: a platform migration added later is never "out of order" against a
 * service database whose own versions are already higher. Runs at startup, after Quarkus has run the service's
 * migrations and before the messaging channels and the relay start.
 *
 * <p>Databases from before the split hold the platform's versions in the service's history (they then ran from
 * one location list). The first run records them as this history's baseline instead of running them again; the
 * service's Flyway ignores them there ({@code quarkus.flyway.ignore-migration-patterns=versioned:missing}).
 */
@ApplicationScoped
public class PlatformMigrations {
    public static final String HISTORY = "flyway_platform_history";
    public static final String LOCATION = "classpath:db/platform";
    private static final Logger LOG = Logger.getLogger(PlatformMigrations.class);

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.flyway.migrate-at-start", defaultValue = "false")
    boolean migrateAtStart;

    @ConfigProperty(name = "quarkus.flyway.table", defaultValue = "flyway_schema_history")
    String serviceHistory;

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (migrateAtStart) {
            int applied = migrate(dataSource, serviceHistory, LOCATION);
            LOG.infof("platform migrations: %d applied", applied);
        }
    }

    /**
     * Migrates the platform's tables in {@code dataSource} from the given locations.
     *
     * @param serviceHistory the service's Flyway history table, read for the versions applied before the split
     * @return how many migrations were applied
     */
    public static int migrate(DataSource dataSource, String serviceHistory, String... locations) {
        FluentConfiguration config = Flyway.configure().dataSource(dataSource).locations(locations).table(HISTORY)
                .failOnMissingLocations(true);
        MigrationInfo[] known = config.load().info().all();
        if (known.length == 0) {
            throw new IllegalStateException("no platform migrations found in " + Arrays.toString(locations));
        }
        if (!exists(dataSource, HISTORY)) {
            String before = appliedBeforeSplit(dataSource, serviceHistory,
                    Arrays.stream(known).map(MigrationInfo::getScript).toList());
            // without a history of its own in a schema that is not empty, Flyway must be told where to start:
            // after what the service's history holds of ours, or before our first version
            config.baselineOnMigrate(true).baselineVersion(before != null ? before : "0")
                    .baselineDescription(before != null ? "applied in " + serviceHistory : "platform");
            if (before != null) {
                LOG.infof("platform migrations up to %s were applied in %s; %s starts there", before, serviceHistory, HISTORY);
            }
        }
        return config.load().migrate().migrationsExecuted;
    }

    /** The highest version of the given platform scripts recorded as applied in the service's history, if any. */
    private static String appliedBeforeSplit(DataSource dataSource, String serviceHistory, List<String> scripts) {
        if (!exists(dataSource, serviceHistory)) {
            return null;
        }
        String sql = "select version from " + serviceHistory
                + " where success and script = any (?) order by installed_rank desc limit 1";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("text", scripts.toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + serviceHistory, e);
        }
    }

    private static boolean exists(DataSource dataSource, String table) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("select to_regclass(?) is not null")) {
            statement.setString(1, table);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look for table " + table, e);
        }
    }
}
