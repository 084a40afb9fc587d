package se.kasam.survey.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import se.kasam.survey.Employee;

@ApplicationScoped
public class EmployeeRepository implements PanacheRepositoryBase<Employee, String> {

    /** What a round's population needs of an employee. */
    public record Staff(String employeeNumber, String unitCode, String legalGender, int birthYear, LocalDate birthDate) {
    }

    /**
     * The employees of these units who are employed on the day, read as values: tens of thousands of managed
     * entities would be dirty-checked at every later statement of the transaction.
     */
    @SuppressWarnings("unchecked")
    public List<Staff> activeIn(Collection<String> units, LocalDate day) {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        select employee_number, unit_code, legal_gender, birth_year, birth_date from employee
                        where unit_code = any(?1) and start_date <= ?2 and (end_date is null or end_date >= ?2)
                        order by employee_number""")
                .setParameter(1, units.toArray(String[]::new)).setParameter(2, day).getResultList();
        return rows.stream().map(r -> new Staff((String) r[0], (String) r[1], (String) r[2], ((Number) r[3]).intValue(),
                r[4] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[4])).toList();
    }
}
