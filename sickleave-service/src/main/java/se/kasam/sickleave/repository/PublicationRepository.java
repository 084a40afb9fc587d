package se.kasam.sickleave.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import se.kasam.platform.disclosure.Reason;
import se.kasam.platform.jdbc.BulkCopy;
import se.kasam.sickleave.rules.KeyFigures.Key;
import se.kasam.sickleave.rules.YearPublication.FactRow;
import se.kasam.sickleave.rules.YearPublication.PublishedCell;

/** The facts a year's publication is computed from, the publications, and which years are out of date. */
@ApplicationScoped
public class PublicationRepository {
    private static final List<String> CELL_COLUMNS = List.of("year", "unit_row", "figure", "period", "heads",
            "ordinary", "sick", "long_term", "reason", "long_reason");

    @Inject
    EntityManager em;

    @Inject
    BulkCopy bulkCopy;

    /** A year's publication: when, from which version of its facts, how many cells and how many hidden. */
    public record Published(int year, long factsVersion, OffsetDateTime computedAt, int cells, int hidden, long millis) {
    }

    /** The facts of the years from..to changed: their publications are out of date. */
    public void factsChanged(int fromYear, int toYear) {
        em.createNativeQuery("""
                        insert into publication_year (year, facts_version)
                        select y, 1 from generate_series(?1, ?2) y
                        on conflict (year) do update set facts_version = publication_year.facts_version + 1""")
                .setParameter(1, fromYear).setParameter(2, toYear).executeUpdate();
    }

    /** The years whose facts changed since their publication, with their facts' version now. */
    @SuppressWarnings("unchecked")
    public Map<Integer, Long> outOfDate(int fromYear) {
        List<Object[]> rows = em.createNativeQuery("""
                select y.year, y.facts_version from publication_year y left join publication p on p.year = y.year
                where y.year >= ?1 and (p.year is null or p.facts_version < y.facts_version) order by y.year""")
                .setParameter(1, fromYear).getResultList();
        Map<Integer, Long> years = new java.util.LinkedHashMap<>();
        rows.forEach(r -> years.put(((Number) r[0]).intValue(), ((Number) r[1]).longValue()));
        return years;
    }

    public long factsVersion(int year) {
        Object v = em.createNativeQuery("select coalesce(max(facts_version), 0) from publication_year where year = ?1")
                .setParameter(1, year).getSingleResult();
        return ((Number) v).longValue();
    }

    /** A year's monthly facts, employees numbered from 0 in the order read. */
    public List<FactRow> facts(int year) {
        Session session = em.unwrap(Session.class);
        return session.doReturningWork(connection -> {
            List<FactRow> rows = new ArrayList<>();
            Map<String, Integer> employees = new HashMap<>();
            try (PreparedStatement st = connection.prepareStatement("""
                    select employee_number, extract(month from month)::int, unit_code, legal_gender,
                           ordinary_0, ordinary_1, ordinary_2, sick_0, sick_1, sick_2, long_term
                    from employee_month where month >= make_date(?, 1, 1) and month < make_date(? + 1, 1, 1)""")) {
                st.setInt(1, year);
                st.setInt(2, year);
                st.setFetchSize(10_000);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        int employee = employees.computeIfAbsent(rs.getString(1), k -> employees.size());
                        rows.add(new FactRow(employee, rs.getInt(2), rs.getString(3), rs.getString(4),
                                new double[]{rs.getDouble(5), rs.getDouble(6), rs.getDouble(7)},
                                new double[]{rs.getDouble(8), rs.getDouble(9), rs.getDouble(10)}, rs.getDouble(11)));
                    }
                }
            }
            return rows;
        });
    }

    /** Replaces a year's publication (in the caller's transaction: readers see the old one or the new one). */
    public void replace(int year, long factsVersion, List<PublishedCell> cells, long millis) {
        em.createNativeQuery("delete from published_cell where year = ?1").setParameter(1, year).executeUpdate();
        bulkCopy.copy("published_cell", CELL_COLUMNS, () -> cells.stream().map(c -> new Object[]{year, c.row(),
                c.figure(), c.period(), c.heads(), c.ordinary(), c.sick(), c.longTerm(), c.reason(), c.longReason()})
                .iterator());
        int hidden = (int) cells.stream().filter(c -> c.reason() != null).count();
        em.createNativeQuery("""
                        insert into publication (year, facts_version, computed_at, cells, hidden, millis)
                        values (?1, ?2, now(), ?3, ?4, ?5)
                        on conflict (year) do update set facts_version = excluded.facts_version,
                            computed_at = excluded.computed_at, cells = excluded.cells, hidden = excluded.hidden,
                            millis = excluded.millis""")
                .setParameter(1, year).setParameter(2, factsVersion).setParameter(3, cells.size())
                .setParameter(4, hidden).setParameter(5, millis).executeUpdate();
    }

    /** The published cells of some unit rows in some years, in one statement (so from one publication each). */
    public Map<String, Map<Integer, Map<String, PublishedCell>>> cells(Collection<String> rows, int fromYear, int toYear) {
        Session session = em.unwrap(Session.class);
        return session.doReturningWork(connection -> {
            Map<String, Map<Integer, Map<String, PublishedCell>>> byRow = new HashMap<>();
            try (PreparedStatement st = connection.prepareStatement("""
                    select year, unit_row, figure, period, heads, ordinary, sick, long_term, reason, long_reason
                    from published_cell where unit_row = any(?) and year between ? and ?""")) {
                st.setArray(1, connection.createArrayOf("text", rows.toArray()));
                st.setInt(2, fromYear);
                st.setInt(3, toYear);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        PublishedCell cell = new PublishedCell(rs.getString(2), rs.getString(4),
                                Key.valueOf(rs.getString(3)), rs.getInt(5), rs.getDouble(6), rs.getDouble(7),
                                rs.getDouble(8), reason(rs.getString(9)), reason(rs.getString(10)));
                        byRow.computeIfAbsent(cell.row(), k -> new HashMap<>())
                                .computeIfAbsent(rs.getInt(1), k -> new HashMap<>())
                                .put(cell.period() + "|" + cell.figure(), cell);
                    }
                }
            }
            return byRow;
        });
    }

    @SuppressWarnings("unchecked")
    public List<Published> published() {
        List<Object[]> rows = em.createNativeQuery(
                "select year, facts_version, computed_at, cells, hidden, millis from publication order by year")
                .getResultList();
        return rows.stream().map(r -> new Published(((Number) r[0]).intValue(), ((Number) r[1]).longValue(),
                toOffset(r[2]), ((Number) r[3]).intValue(), ((Number) r[4]).intValue(), ((Number) r[5]).longValue()))
                .toList();
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }

    private static Reason reason(String value) {
        return value == null ? null : Reason.valueOf(value);
    }
}
