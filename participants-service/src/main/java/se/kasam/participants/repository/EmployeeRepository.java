package se.kasam.participants.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;
import se.kasam.participants.Employee;
import se.kasam.participants.EmploymentType;
import se.kasam.participants.LegalGender;
import se.kasam.participants.mapping.EmployeeInput;
import se.kasam.participants.mapping.Versioned;
import se.kasam.platform.jdbc.BulkCopy;
import se.kasam.platform.problem.ProblemException;

@ApplicationScoped
public class EmployeeRepository implements PanacheRepositoryBase<Employee, String> {
    private static final List<String> COLUMNS = List.of("employee_number", "name", "email", "legal_gender", "birth_year",
            "birth_date", "unit_code", "occupation", "employment_rate", "full_time_hours", "employment_type",
            "start_date", "end_date", "version", "updated_at");

    @Inject
    BulkCopy bulk;

    /** Employees by number, of the given units (null: all), active or not on the day, of a gender and employment type. */
    public PanacheQuery<Employee> filtered(Set<String> units, Boolean active, LegalGender gender, EmploymentType type,
                                          LocalDate day) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (units != null) {
            where.add("unitCode in :units");
            params.put("units", units.isEmpty() ? Set.of("") : units);
        }
        if (active != null) {
            where.add((active ? "" : "not ") + "(startDate <= :day and (endDate is null or endDate >= :day))");
            params.put("day", day);
        }
        if (gender != null) {
            where.add("legalGender = :gender");
            params.put("gender", gender);
        }
        if (type != null) {
            where.add("employmentType = :type");
            params.put("type", type);
        }
        Sort byNumber = Sort.by("employeeNumber");
        return where.isEmpty() ? findAll(byNumber) : find(String.join(" and ", where), byNumber, params);
    }

    /** Every employee's state and version, read in one pass (what an HR batch is compared against). */
    public Map<String, Versioned<EmployeeInput>> states() {
        return session().doReturningWork(connection -> {
            Map<String, Versioned<EmployeeInput>> states = new HashMap<>();
            try (var statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("select " + String.join(", ", COLUMNS) + " from employee")) {
                while (rs.next()) {
                    EmployeeInput state = new EmployeeInput(rs.getString(1), rs.getString(2), rs.getString(3),
                            LegalGender.valueOf(rs.getString(4)), rs.getInt(5), date(rs, 6), rs.getString(7),
                            rs.getString(8), rs.getBigDecimal(9), rs.getBigDecimal(10),
                            EmploymentType.valueOf(rs.getString(11)), date(rs, 12), date(rs, 13));
                    states.put(state.employeeNumber(), new Versioned<>(state, rs.getInt(14)));
                }
            }
            return states;
        });
    }

    /** New employees, at version 0, written with COPY. */
    public void insertAll(List<EmployeeInput> employees, OffsetDateTime now) {
        bulk.copy("employee", COLUMNS, () -> employees.stream().map(e -> row(e, 0, now)).iterator());
        if (employees.size() >= 1_000) {
            bulk.analyze("employee");
        }
    }

    /**
     * Changed employees, each at its next version. Written with COPY into a scratch table and one UPDATE that
     * also checks each row is still at the version read; if anyone changed one meanwhile, the whole batch fails.
     */
    public void updateAll(List<Versioned<EmployeeInput>> employees, OffsetDateTime now) {
        if (employees.isEmpty()) {
            return;
        }
        var em = getEntityManager();
        em.createNativeQuery("create temp table employee_change (like employee) on commit drop").executeUpdate();
        bulk.copy("employee_change", COLUMNS, () -> employees.stream().map(e -> row(e.state(), e.version(), now)).iterator());
        int updated = em.createNativeQuery("""
                update employee e set name = c.name, email = c.email, legal_gender = c.legal_gender,
                    birth_year = c.birth_year, birth_date = c.birth_date, unit_code = c.unit_code,
                    occupation = c.occupation, employment_rate = c.employment_rate, full_time_hours = c.full_time_hours,
                    employment_type = c.employment_type, start_date = c.start_date, end_date = c.end_date,
                    version = c.version, updated_at = c.updated_at
                from employee_change c
                where e.employee_number = c.employee_number and e.version = c.version - 1""").executeUpdate();
        em.createNativeQuery("drop table employee_change").executeUpdate();
        if (updated != employees.size()) {
            throw ProblemException.conflict((employees.size() - updated)
                    + " employees were changed by someone else during the import; send the batch again");
        }
    }

    private static Object[] row(EmployeeInput e, int version, OffsetDateTime now) {
        return new Object[] {e.employeeNumber(), e.name(), e.email(), e.legalGender().name(), e.birthYear(),
                e.birthDate(), e.unitCode(), e.occupation(), plain(e.employmentRate()), plain(e.fullTimeHours()),
                e.employmentType().name(), e.startDate(), e.endDate(), version, now};
    }

    private static String plain(BigDecimal value) {
        return value.toPlainString();
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private Session session() {
        Session session = getEntityManager().unwrap(Session.class);
        session.flush();
        return session;
    }
}
