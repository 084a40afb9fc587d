package se.kasam.survey.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import se.kasam.survey.Employee;
import se.kasam.survey.Unit;
import se.kasam.survey.mapping.EmployeeChanged;
import se.kasam.survey.mapping.UnitChanged;
import se.kasam.survey.repository.EmployeeRepository;
import se.kasam.survey.repository.UnitRepository;

/** Keeps the employee and unit projections: the newest state per employee and unit wins, whatever the order. */
@ApplicationScoped
public class Projections {
    @Inject
    Clock clock;

    @Inject
    EmployeeRepository employees;

    @Inject
    UnitRepository units;

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
        employee.startDate = Objects.requireNonNull(event.startDate(), "startDate");
        // one who has left is no longer active from the day it is known, whatever end date HR gave
        employee.endDate = event.left() && event.endDate() == null ? LocalDate.now(clock).minusDays(1) : event.endDate();
        employee.sourceVersion = event.version();
        employee.updatedAt = OffsetDateTime.now(clock);
        employees.persist(employee);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(UnitChanged event) {
        Objects.requireNonNull(event.code(), "code");
        Unit unit = units.findById(event.code());
        if (unit == null) {
            unit = new Unit();
            unit.code = event.code();
        } else if (unit.sourceVersion >= event.version()) {
            return;
        }
        unit.parentCode = event.parentCode();
        unit.managers = (event.managers() == null ? List.<String>of() : event.managers()).toArray(String[]::new);
        unit.deleted = event.deleted();
        unit.sourceVersion = event.version();
        unit.updatedAt = OffsetDateTime.now(clock);
        units.persist(unit);
    }
}
