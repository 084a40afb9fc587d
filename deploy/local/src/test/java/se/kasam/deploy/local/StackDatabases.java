package se.kasam.deploy.local;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Reads a running stack's service databases directly, to compare what the API cannot show (outbox, inbox, projections). */
record StackDatabases(LocalStack stack) {

    long count(String service, String sql) {
        try (Connection connection = connect(service); ResultSet rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(service + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    /** The first column to the second, as text (an id to its version). */
    Map<String, String> pairs(String service, String sql) {
        Map<String, String> pairs = new TreeMap<>();
        try (Connection connection = connect(service); ResultSet rs = connection.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                pairs.put(rs.getString(1), rs.getString(2));
            }
            return pairs;
        } catch (SQLException e) {
            throw new IllegalStateException(service + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    Set<String> column(String service, String sql) {
        Set<String> values = new TreeSet<>();
        try (Connection connection = connect(service); ResultSet rs = connection.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(service + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * Each table's row count and newest writing transaction (the highest xmin): a committed insert, update or
     * delete changes one of the two; a rolled-back one changes neither.
     */
    Map<String, String> fingerprint(String service) {
        Map<String, String> tables = new TreeMap<>();
        for (String table : column(service, "select tablename from pg_tables where schemaname = 'public'")) {
            tables.put(table, pairs(service, "select count(*)::text, coalesce(max(xmin::text::bigint), 0)::text from " + table)
                    .entrySet().iterator().next().toString());
        }
        return tables;
    }

    private Connection connect(String service) throws SQLException {
        return DriverManager.getConnection(stack.postgres().jdbcUrl(LocalStack.database(service)), "postgres", "postgres");
    }
}
