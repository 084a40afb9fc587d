package se.kasam.survey.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import se.kasam.survey.Employee;

@ApplicationScoped
public class EmployeeRepository implements PanacheRepositoryBase<Employee, String> {

    /** The employees of these units who are employed on the day. */
    public List<Employee> activeIn(Collection<String> units, LocalDate day) {
        return list("unitCode in ?1 and startDate <= ?2 and (endDate is null or endDate >= ?2) order by employeeNumber",
                units, day);
    }
}
