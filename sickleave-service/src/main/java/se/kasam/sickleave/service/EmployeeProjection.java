package se.kasam.sickleave.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Objects;
import se.kasam.platform.problem.ProblemException;
import se.kasam.sickleave.Employee;
import se.kasam.sickleave.mapping.EmployeeChanged;
import se.kasam.sickleave.mapping.EmployeeView;
import se.kasam.sickleave.repository.EmployeeRepository;

/** Keeps the employee projection: the newest state per employee wins, whatever order events arrive in. */
@ApplicationScoped
@Transactional
public class EmployeeProjection {
    @Inject
    EmployeeRepository employees;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EmployeeChanged event) {
        Objects.requireNonNull(event.employeeNumber(), "employeeNumber");
        Employee employee = employees.findById(event.employeeNumber());
        if (employee == null) {
            employee = new Employee();
            employee.employeeNumber = event.employeeNumber();
        } else if (employee.sourceVersion >= event.version()) {
            return;
        }
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
        employee.updatedAt = OffsetDateTime.now();
        employees.persist(employee);
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
