package se.kasam.workshops.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import se.kasam.workshops.Employee;
import se.kasam.workshops.TrioGroup;
import se.kasam.workshops.Unit;
import se.kasam.workshops.mapping.EmployeeChanged;
import se.kasam.workshops.mapping.TrioGroupChanged;
import se.kasam.workshops.mapping.UnitChanged;
import se.kasam.workshops.repository.EmployeeRepository;
import se.kasam.workshops.repository.TrioGroupRepository;
import se.kasam.workshops.repository.UnitRepository;

/**
 * Keeps the employee, unit and trio group projections: the newest state wins, whatever the order. An employee who
 * leaves loses their bookings after their last day, and the waitlists move up.
 */
@ApplicationScoped
public class Projections {
    @Inject
    Clock clock;

    @Inject
    EmployeeRepository employees;

    @Inject
    UnitRepository units;

    @Inject
    TrioGroupRepository trioGroups;

    @Inject
    BookingService bookings;

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
        employee.name = Objects.requireNonNullElse(event.name(), event.employeeNumber());
        employee.unitCode = Objects.requireNonNull(event.unitCode(), "unitCode");
        employee.legalGender = Objects.requireNonNull(event.legalGender(), "legalGender");
        employee.occupation = event.occupation();
        employee.startDate = Objects.requireNonNull(event.startDate(), "startDate");
        // one who has left is no longer active from the day it is known, whatever end date HR gave
        employee.endDate = event.left() && event.endDate() == null ? LocalDate.now(clock).minusDays(1) : event.endDate();
        employee.sourceVersion = event.version();
        employee.updatedAt = OffsetDateTime.now(clock);
        employees.persist(employee);
        if (employee.endDate != null) {
            bookings.departed(employee.employeeNumber, employee.endDate);
        }
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
        unit.name = Objects.requireNonNullElse(event.name(), event.code());
        unit.parentCode = event.parentCode();
        unit.managers = (event.managers() == null ? List.<String>of() : event.managers()).toArray(String[]::new);
        unit.deleted = event.deleted();
        unit.sourceVersion = event.version();
        unit.updatedAt = OffsetDateTime.now(clock);
        units.persist(unit);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(TrioGroupChanged event) {
        TrioGroup group = trioGroups.findById(event.groupId());
        if (group == null) {
            group = new TrioGroup();
            group.id = event.groupId();
        } else if (group.sourceVersion >= event.version()) {
            return;
        }
        group.roundId = event.roundId();
        group.unitCode = Objects.requireNonNull(event.unitCode(), "unitCode");
        group.members = (event.members() == null ? List.<String>of() : event.members()).toArray(String[]::new);
        group.dissolved = event.dissolved();
        group.sourceVersion = event.version();
        group.updatedAt = OffsetDateTime.now(clock);
        trioGroups.persist(group);
    }
}
