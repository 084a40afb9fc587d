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
 * with everything else. Values go in COPY's text format: {@code null} is SQL NULL, anything else its
 * {@code toString()}.
 */
@ApplicationScoped
public class BulkCopy {
    private static final int CHUNK = 1 << 16;

    @Inject
    EntityManager em;

    /**
     * @param table   the table (a temporary one too)
     * @param columns its columns, in the order of each row's values
     * @return the number of rows written
     */
    public long copy(String table, List<String> columns, Iterable<Object[]> rows) {
        Session session = em.unwrap(Session.class);
        // pending entity changes first, so rows written by COPY can refer to them
        session.flush();
        String sql = "copy " + table + " (" + String.join(", ", columns) + ") from stdin";
        return session.doReturningWork(connection -> {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            try {
                StringBuilder text = new StringBuilder(CHUNK + 4096);
                for (Object[] row : rows) {
                    appendRow(text, row, columns.size());
                    if (text.length() >= CHUNK) {
                        write(copy, text);
                    }
                }
                write(copy, text);
                return copy.endCopy();
            } catch (SQLException | RuntimeException e) {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
                throw e;
            }
        });
    }

    /**
     * Updates the planner's statistics of a table that just grew from (nearly) empty: without them it joins the
     * table as if it were tiny, a nested loop over tens of thousands of rows.
     */
    public void analyze(String table) {
        em.createNativeQuery("analyze " + table).executeUpdate();
    }

    static void appendRow(StringBuilder text, Object[] row, int columns) {
        if (row.length != columns) {
            throw new IllegalArgumentException("row has " + row.length + " values for " + columns + " columns");
        }
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                text.append('\t');
            }
            if (row[i] == null) {
                text.append("\\N");
                continue;
            }
            String value = row[i].toString();
            for (int c = 0; c < value.length(); c++) {
                char ch = value.charAt(c);
                switch (ch) {
                    case '\\' -> text.append("\\\\");
                    case '\t' -> text.append("\\t");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    default -> text.append(ch);
                }
            }
        }
        text.append('\n');
    }

    private static void write(CopyIn copy, StringBuilder text) throws SQLException {
        if (!text.isEmpty()) {
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            text.setLength(0);
        }
    }
}
