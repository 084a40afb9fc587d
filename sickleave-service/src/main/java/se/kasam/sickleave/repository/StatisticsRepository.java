package se.kasam.sickleave.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import se.kasam.sickleave.rules.GroupTotals;

/**
 * Sums the monthly facts into {@link GroupTotals} per row and legal gender, and reads the archived figures of
 * purged months. A row is what one query groups by: nothing (one row), a month, a unit's row in a breakdown, or
 * both.
 */
@ApplicationScoped
public class StatisticsRepository {
    private static final String TOTALS = """
            count(*), count(*) filter (where s0 + s1 + s2 > 0), count(*) filter (where l > 0),
            count(*) filter (where o0 > 0), count(*) filter (where o1 > 0), count(*) filter (where o2 > 0),
            count(*) filter (where s0 > 0), count(*) filter (where s1 > 0), count(*) filter (where s2 > 0),
            sum(o0), sum(o1), sum(o2), sum(s0), sum(s1), sum(s2), sum(l)""";

    private static final String COLUMNS = "employee_number, unit_code, legal_gender, ordinary_0, ordinary_1,"
            + " ordinary_2, sick_0, sick_1, sick_2, long_term";

    @Inject
    EntityManager em;

    /** Totals keyed by row, then legal gender. */
    public record Rows(Map<String, Map<String, GroupTotals>> byRow) {
        public Map<String, GroupTotals> row(String key) {
            return byRow.getOrDefault(key, Map.of());
        }
    }

    /**
     * Sums the facts of the months {@code from}..{@code to} (first days of months). The whole calendar years of the
     * period are read from the year sums, the months before and after them from the monthly facts; a head is still
     * one employee, however many rows they have.
     *
     * @param unitRows each counted unit with the row it is summed into; null counts every unit into row ""
     * @param byMonth  a row per month (keyed by the month's first day, then "|" and the unit row)
     */
    public Rows live(LocalDate from, LocalDate to, Map<String, String> unitRows, boolean byMonth) {
        List<Object> params = new ArrayList<>();
        String facts = byMonth ? months("month, " + COLUMNS, from, to, params) : wholeYearsAndMonths(from, to, params);
        String row = (byMonth ? "f.month::text" : "''") + " || '|' || " + (unitRows == null ? "''" : "m.row_key");
        String join = unitRows == null ? "" : " join unnest(?::text[], ?::text[]) m(unit_code, row_key) on m.unit_code = f.unit_code";
        String sql = "with f as (" + facts + "), e as (select " + row + " as row_key, f.legal_gender,"
                + " sum(f.ordinary_0) o0, sum(f.ordinary_1) o1, sum(f.ordinary_2) o2,"
                + " sum(f.sick_0) s0, sum(f.sick_1) s1, sum(f.sick_2) s2, sum(f.long_term) l"
                + " from f" + join
                + " group by f.employee_number, f.legal_gender, 1)"
                + " select row_key, legal_gender, " + TOTALS + " from e group by row_key, legal_gender";
        Session session = em.unwrap(Session.class);
        return session.doReturningWork(connection -> {
            try (PreparedStatement st = connection.prepareStatement(sql)) {
                int p = 1;
                for (Object param : params) {
                    st.setObject(p++, param);
                }
                if (unitRows != null) {
                    List<String> units = new ArrayList<>(unitRows.keySet());
                    st.setArray(p++, connection.createArrayOf("text", units.toArray()));
                    st.setArray(p, connection.createArrayOf("text", units.stream().map(unitRows::get).toArray()));
                }
                try (ResultSet rs = st.executeQuery()) {
                    return read(rs);
                }
            }
        });
    }

    private static String wholeYearsAndMonths(LocalDate from, LocalDate to, List<Object> params) {
        int firstYear = from.getMonthValue() == 1 ? from.getYear() : from.getYear() + 1;
        int lastYear = to.getMonthValue() == 12 ? to.getYear() : to.getYear() - 1;
        if (firstYear > lastYear) {
            return months(COLUMNS, from, to, params);
        }
        List<String> parts = new ArrayList<>();
        parts.add("select " + COLUMNS + " from employee_year where year between ? and ?");
        params.add(firstYear);
        params.add(lastYear);
        if (from.getYear() < firstYear) {
            parts.add(months(COLUMNS, from, LocalDate.of(from.getYear(), 12, 1), params));
        }
        if (to.getYear() > lastYear) {
            parts.add(months(COLUMNS, LocalDate.of(to.getYear(), 1, 1), to, params));
        }
        return String.join(" union all ", parts);
    }

    private static String months(String columns, LocalDate from, LocalDate to, List<Object> params) {
        params.add(from);
        params.add(to);
        return "select " + columns + " from employee_month where month between ? and ?";
    }

    /** Archived totals: row key is "scope|first month|last month". */
    public Rows archived(Collection<String> scopes, LocalDate from, LocalDate to) {
        String sql = "select scope || '|' || first_month || '|' || last_month, legal_gender,"
                + " heads, sick_heads, long_heads, heads_0, heads_1, heads_2, sick_heads_0, sick_heads_1, sick_heads_2,"
                + " ordinary_0, ordinary_1, ordinary_2, sick_0, sick_1, sick_2, long_term"
                + " from archived_figure where scope = any(?) and first_month >= ? and last_month <= ?";
        Session session = em.unwrap(Session.class);
        return session.doReturningWork(connection -> {
            try (PreparedStatement st = connection.prepareStatement(sql)) {
                st.setArray(1, connection.createArrayOf("text", scopes.toArray()));
                st.setObject(2, from);
                st.setObject(3, to);
                try (ResultSet rs = st.executeQuery()) {
                    return read(rs);
                }
            }
        });
    }

    private static Rows read(ResultSet rs) throws SQLException {
        Map<String, Map<String, GroupTotals>> rows = new HashMap<>();
        while (rs.next()) {
            GroupTotals totals = new GroupTotals(rs.getInt(3), rs.getInt(4), rs.getInt(5),
                    new int[]{rs.getInt(6), rs.getInt(7), rs.getInt(8)},
                    new int[]{rs.getInt(9), rs.getInt(10), rs.getInt(11)},
                    new double[]{rs.getDouble(12), rs.getDouble(13), rs.getDouble(14)},
                    new double[]{rs.getDouble(15), rs.getDouble(16), rs.getDouble(17)}, rs.getDouble(18));
            rows.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), totals);
        }
        return new Rows(rows);
    }
}
