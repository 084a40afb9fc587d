package se.kasam.workshops.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import se.kasam.workshops.Employee;

@ApplicationScoped
public class EmployeeRepository implements PanacheRepositoryBase<Employee, String> {

    /**
     * Takes the employee's booking lock to the end of the transaction: one change to an employee's bookings at a
     * time (two tabs booking one module in two sessions). Taken before any session's lock.
     */
    public void lockBookings(String employeeNumber) {
        getEntityManager().createNativeQuery(
                        "select count(*) from (select pg_advisory_xact_lock(hashtext('kasam.workshops.employee'), hashtext(?1))) l")
                .setParameter(1, employeeNumber).getSingleResult();
    }

    /** The staff of one workplace (its own employees, not the units below) on a day. */
    public int staffOn(String unitCode, LocalDate day) {
        return Math.toIntExact(count("unitCode = ?1 and startDate <= ?2 and (endDate is null or endDate >= ?2)",
                unitCode, day));
    }

    public List<Employee> byNumbers(Collection<String> numbers) {
        return numbers.isEmpty() ? List.of() : list("employeeNumber in ?1", numbers);
    }

    /** The employees active on a day in the given units. */
    public List<Employee> activeIn(Collection<String> unitCodes, LocalDate day) {
        return list("unitCode in ?1 and startDate <= ?2 and (endDate is null or endDate >= ?2)", unitCodes, day);
    }
}
