package se.kasam.platform.jdbc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import org.hibernate.Session;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes many rows with PostgreSQL's COPY, on the connection of the caller's transaction: batches of thousands of
 * rows (an HR import, a trio round, the outbox of either) go in at the speed of COPY and still commit or roll back
 * with everything else. Values are written as CSV: {@code null} is SQL NULL, anything else its {@code toString()}.
 */
@ApplicationScoped
public class BulkCopy {
    private static final int CHUNK = 1 << 16;
    /** From this many rows on, the table is analysed after the copy (see {@link #copy}). */
    private static final int ANALYZE_FROM = 5_000;

    @Inject
    EntityManager em;

    /**
     * @param table   the table (a temporary one too)
     * @param columns its columns, in the order of each row's values
     * @return the number of rows written; from 5,000 rows the table is analysed too, so the planner knows its size
     */
    public long copy(String table, List<String> columns, Iterable<Object[]> rows) {
        Session session = em.unwrap(Session.class);
        // pending entity changes first, so rows written by COPY can refer to them
        session.flush();
        String sql = "copy " + table + " (" + String.join(", ", columns) + ") from stdin (format csv)";
        return session.doReturningWork(connection -> {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            try {
                StringBuilder csv = new StringBuilder(CHUNK + 4096);
                for (Object[] row : rows) {
                    appendRow(csv, row, columns.size());
                    if (csv.length() >= CHUNK) {
                        write(copy, csv);
                    }
                }
                write(copy, csv);
                long written = copy.endCopy();
                if (written >= ANALYZE_FROM) {
                    // a table that just grew from (nearly) empty still has empty statistics, and the planner would
                    // join it as if it were tiny: a nested loop over tens of thousands of rows
                    try (var statement = connection.createStatement()) {
                        statement.execute("analyze " + table);
                    }
                }
                return written;
            } catch (SQLException | RuntimeException e) {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
                throw e;
            }
        });
    }

    static void appendRow(StringBuilder csv, Object[] row, int columns) {
        if (row.length != columns) {
            throw new IllegalArgumentException("row has " + row.length + " values for " + columns + " columns");
        }
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            if (row[i] != null) {
                // always quoted: an empty string stays an empty string, and commas, quotes and newlines are data
                csv.append('"');
                String value = row[i].toString();
                for (int c = 0; c < value.length(); c++) {
                    char ch = value.charAt(c);
                    if (ch == '"') {
                        csv.append('"');
                    }
                    csv.append(ch);
                }
                csv.append('"');
            }
        }
        csv.append('\n');
    }

    private static void write(CopyIn copy, StringBuilder csv) throws SQLException {
        if (!csv.isEmpty()) {
            byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            csv.setLength(0);
        }
    }
}
