package se.kasam.sickleave.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import se.kasam.platform.problem.ProblemException;
import se.kasam.sickleave.Employee;
import se.kasam.sickleave.mapping.EmployeeChanged;
import se.kasam.sickleave.mapping.EmployeeView;
import se.kasam.sickleave.repository.EmployeeRepository;

/**
 * Keeps the employee projection: the newest state per employee wins, whatever order events arrive in. A change of
 * unit, employment rate or full-time hours is kept in the history from the day it was published, so statistics of
 * earlier months keep the terms that held then.
 */
@ApplicationScoped
@Transactional
public class EmployeeProjection {
    static final LocalDate FROM_THE_START = LocalDate.of(1900, 1, 1);

    @Inject
    Clock clock;

    @Inject
    EmployeeRepository employees;

    @Inject
    EntityManager em;

    @Inject
    FactRefresh refresh;

    /** @param effective the day the change was published (in Sweden) */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EmployeeChanged event, LocalDate effective) {
        Objects.requireNonNull(event.employeeNumber(), "employeeNumber");
        Employee employee = employees.findById(event.employeeNumber());
        boolean known = employee != null;
        if (!known) {
            employee = new Employee();
            employee.employeeNumber = event.employeeNumber();
        } else if (employee.sourceVersion >= event.version()) {
            return;
        }
        boolean termsChanged = !known || !employee.unitCode.equals(event.unitCode())
                || employee.employmentRate.compareTo(event.employmentRate()) != 0
                || employee.fullTimeHours.compareTo(event.fullTimeHours()) != 0;
        employee.unitCode = Objects.requireNonNull(event.unitCode(), "unitCode");
        employee.legalGender = Objects.requireNonNull(event.legalGender(), "legalGender");
        employee.birthYear = event.birthYear();
        employee.birthDate = event.birthDate();
        employee.employmentRate = Objects.requireNonNull(event.employmentRate(), "employmentRate");
        employee.fullTimeHours = Objects.requireNonNull(event.fullTimeHours(), "fullTimeHours");
        employee.employmentType = Objects.requireNonNull(event.employmentType(), "employmentType");
        employee.startDate = Objects.requireNonNull(event.startDate(), "startDate");
        employee.endDate = event.endDate();
        employee.sourceVersion = event.version();
        employee.updatedAt = OffsetDateTime.now(clock);
        employees.persist(employee);
        if (termsChanged) {
            // one row per day: a later change on the same day replaces the earlier one
            em.createNativeQuery("""
                            insert into employee_history (employee_number, valid_from, unit_code, employment_rate, full_time_hours)
                            values (?1, ?2, ?3, ?4, ?5)
                            on conflict (employee_number, valid_from) do update set unit_code = excluded.unit_code,
                                employment_rate = excluded.employment_rate, full_time_hours = excluded.full_time_hours""")
                    .setParameter(1, employee.employeeNumber).setParameter(2, known ? effective : FROM_THE_START)
                    .setParameter(3, employee.unitCode).setParameter(4, employee.employmentRate)
                    .setParameter(5, employee.fullTimeHours).executeUpdate();
        }
        refresh.request(employee.employeeNumber);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public EmployeeView get(String employeeNumber) {
        Employee employee = employees.findById(employeeNumber);
        if (employee == null) {
            throw ProblemException.notFound("employee " + employeeNumber);
        }
        return EmployeeView.of(employee);
    }
}
