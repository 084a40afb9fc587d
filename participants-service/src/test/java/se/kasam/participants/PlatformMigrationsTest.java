package se.kasam.participants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import se.kasam.platform.migration.PlatformMigrations;
import se.kasam.stack.PostgresServer;
import se.kasam.testing.RealStackTestResource;

/**
 * The platform's migrations have a history of their own: a database of the last released shape (the service's and
 * the platform's migrations in one history) takes a platform migration added later, which that one history refused.
 * A {@code @QuarkusTest} for the service's own Flyway settings and the shared test PostgreSQL; each case migrates a
 * database of its own.
 */
@QuarkusTest
class PlatformMigrationsTest {
    static final String PROBE = "classpath:db/platform-upgrade-test";

    @ConfigProperty(name = "quarkus.flyway.locations")
    String[] serviceLocations;

    @ConfigProperty(name = "quarkus.flyway.ignore-migration-patterns")
    String[] ignoredInServiceHistory;

    /** The service's Flyway as Quarkus configures it at start. */
    private Flyway serviceFlyway(DataSource db) {
        return Flyway.configure().dataSource(db).locations(serviceLocations)
                .ignoreMigrationPatterns(ignoredInServiceHistory).load();
    }

    /** A released database: as every service migrated before the split. */
    private static DataSource released() {
        DataSource db = newDatabase();
        Flyway.configure().dataSource(db).locations("classpath:db/migration", "classpath:db/platform").load().migrate();
        return db;
    }

    @Test
    void oneHistoryRefusedAPlatformMigrationAddedLater() {
        DataSource db = released();
        Flyway before = Flyway.configure().dataSource(db)
                .locations("classpath:db/migration", "classpath:db/platform", PROBE).load();
        assertThrows(FlywayException.class, before::migrate);
    }

    @Test
    void aReleasedDatabaseTakesAPlatformMigrationAddedLater() throws SQLException {
        DataSource db = released();
        List<String> releasedPlatform = column(db, "select version from flyway_schema_history where version < '1' order by installed_rank");

        // the service first, as Quarkus runs it at start: the platform's versions in its history are ignored
        assertEquals(0, serviceFlyway(db).migrate().migrationsExecuted);
        assertEquals(1, PlatformMigrations.migrate(db, "flyway_schema_history", PlatformMigrations.LOCATION, PROBE));
        // what was applied is the baseline; the new one ran and nothing ran twice
        assertEquals(List.of("BASELINE " + releasedPlatform.getLast(), "SQL 0.900"),
                column(db, "select type || ' ' || version from " + PlatformMigrations.HISTORY + " order by installed_rank"));
        assertEquals(List.of("0"), column(db, "select count(*)::text from platform_upgrade_probe"));
        // a later start: both histories valid, nothing to do
        serviceFlyway(db).validate();
        assertEquals(0, serviceFlyway(db).migrate().migrationsExecuted);
        assertEquals(0, PlatformMigrations.migrate(db, "flyway_schema_history", PlatformMigrations.LOCATION, PROBE));
    }

    @Test
    void aNewDatabaseGetsEveryPlatformMigration() throws SQLException {
        DataSource db = newDatabase();
        serviceFlyway(db).migrate();
        int platform = PlatformMigrations.migrate(db, "flyway_schema_history", PlatformMigrations.LOCATION);
        assertEquals(List.of(), column(db, "select version from flyway_schema_history where version < '1'"));
        assertEquals(platform, column(db, "select version from " + PlatformMigrations.HISTORY + " where type = 'SQL'").size());
        assertEquals(List.of("0"), column(db, "select count(*)::text from outbox_event"));
    }

    private static DataSource newDatabase() {
        PostgresServer postgres = RealStackTestResource.postgres();
        String name = "migrations_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        postgres.createDatabase(name);
        PGSimpleDataSource db = new PGSimpleDataSource();
        db.setURL(postgres.jdbcUrl(name));
        db.setUser("postgres");
        db.setPassword("postgres");
        return db;
    }

    private static List<String> column(DataSource db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
