package se.kasam.sickleave.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.Date;
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
import se.kasam.platform.jdbc.BulkCopy;
import se.kasam.sickleave.rules.FollowUpRules;
import se.kasam.sickleave.rules.MonthlyFacts;
import se.kasam.sickleave.rules.MonthlyFacts.Basis;
import se.kasam.sickleave.rules.MonthlyFacts.Extent;
import se.kasam.sickleave.rules.MonthlyFacts.Fact;
import se.kasam.sickleave.rules.MonthlyFacts.SickSpell;
import se.kasam.sickleave.rules.MonthlyFacts.Terms;

/**
 * Reads what the monthly facts are computed from (employees, their history, their sick-leave spells) and writes
 * the facts, in bulk: one statement per table for any number of employees.
 */
@ApplicationScoped
public class FactRepository {
    private static final List<String> HOURS = List.of("unit_code", "legal_gender",
            "ordinary_0", "ordinary_1", "ordinary_2", "sick_0", "sick_1", "sick_2", "long_term");
    private static final List<String> MONTH_COLUMNS = columns("month");
    private static final List<String> YEAR_COLUMNS = columns("year");

    @Inject
    EntityManager em;

    @Inject
    BulkCopy bulkCopy;

    /** Everything the facts of one employee depend on; {@code basis} null while the employee is not known. */
    public static final class Inputs {
        public Basis basis;
        public final List<Terms> history = new ArrayList<>();
        public final List<SickSpell> sickSpells = new ArrayList<>();
        public final List<FollowUpRules.Spell> followUpSpells = new ArrayList<>();
    }

    public Map<String, Inputs> inputs(Collection<String> employees) {
        Session session = em.unwrap(Session.class);
        session.flush();
        return session.doReturningWork(connection -> {
            Map<String, Inputs> inputs = new HashMap<>();
            String filter = " where employee_number = any(?)";
            try (PreparedStatement st = prepare(connection, """
                    select employee_number, legal_gender, birth_year, birth_date, start_date, end_date
                    from employee""" + filter, employees); ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    inputs.computeIfAbsent(rs.getString(1), k -> new Inputs()).basis = new Basis(rs.getString(1),
                            rs.getString(2), rs.getInt(3), date(rs, 4), date(rs, 5), date(rs, 6));
                }
            }
            try (PreparedStatement st = prepare(connection, """
                    select employee_number, valid_from, unit_code, employment_rate, full_time_hours
                    from employee_history""" + filter + " order by employee_number, valid_from", employees);
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    inputs.computeIfAbsent(rs.getString(1), k -> new Inputs()).history.add(new Terms(
                            date(rs, 2), rs.getString(3), rs.getDouble(4), rs.getDouble(5)));
                }
            }
            try (PreparedStatement st = prepare(connection, """
                    select s.employee_number, s.spell_id, s.first_day, s.last_day, s.expected_long_term,
                           p.first_day, p.last_day, p.extent
                    from spell s join spell_period p on p.spell_id = s.spell_id
                    where s.kind = 'SICK_LEAVE' and s.employee_number = any(?)"""
                    + " order by s.employee_number, s.first_day, p.first_day", employees);
                 ResultSet rs = st.executeQuery()) {
                String spellId = null;
                List<Extent> periods = null;
                while (rs.next()) {
                    Inputs in = inputs.computeIfAbsent(rs.getString(1), k -> new Inputs());
                    if (!rs.getString(2).equals(spellId)) {
                        spellId = rs.getString(2);
                        periods = new ArrayList<>(2);
                        in.sickSpells.add(new SickSpell(date(rs, 3), date(rs, 4), periods));
                        in.followUpSpells.add(new FollowUpRules.Spell(spellId, date(rs, 3), date(rs, 4), rs.getBoolean(5)));
                    }
                    periods.add(new Extent(date(rs, 6), date(rs, 7), rs.getInt(8)));
                }
            }
            return inputs;
        });
    }

    /**
     * Replaces the facts of the employees from {@code fromMonth} on, and their year sums from that month's year on
     * (the facts start at {@code fromMonth}, so a year cut by it is summed from what is kept).
     */
    public void replace(Collection<String> employees, LocalDate fromMonth, List<Fact> facts) {
        String[] numbers = employees.toArray(String[]::new);
        em.createNativeQuery("delete from employee_month where employee_number = any(?1) and month >= ?2")
                .setParameter(1, numbers).setParameter(2, fromMonth).executeUpdate();
        em.createNativeQuery("delete from employee_year where employee_number = any(?1) and year >= ?2")
                .setParameter(1, numbers).setParameter(2, fromMonth.getYear()).executeUpdate();
        bulkCopy.copy("employee_month", MONTH_COLUMNS, () -> facts.stream().map(f -> row(f.employeeNumber(),
                f.month().atDay(1), f.unitCode(), f.legalGender(), f.ordinary(), f.sick(), f.longTerm())).iterator());
        bulkCopy.copy("employee_year", YEAR_COLUMNS, () -> MonthlyFacts.byYear(facts).stream().map(y -> row(
                y.employeeNumber(), y.year(), y.unitCode(), y.legalGender(), y.ordinary(), y.sick(), y.longTerm())).iterator());
        if (facts.size() > 100_000) {
            bulkCopy.analyze("employee_month");
            bulkCopy.analyze("employee_year");
        }
    }

    private static Object[] row(String employee, Object period, String unit, String gender, double[] ordinary,
                                double[] sick, double longTerm) {
        return new Object[]{employee, period, unit, gender, ordinary[0], ordinary[1], ordinary[2], sick[0], sick[1],
                sick[2], longTerm};
    }

    private static List<String> columns(String period) {
        List<String> columns = new ArrayList<>(List.of("employee_number", period));
        columns.addAll(HOURS);
        return List.copyOf(columns);
    }

    private static PreparedStatement prepare(Connection connection, String sql, Collection<String> employees)
            throws SQLException {
        PreparedStatement st = connection.prepareStatement(sql);
        st.setFetchSize(10_000);
        st.setArray(1, connection.createArrayOf("text", employees.toArray()));
        return st;
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}
