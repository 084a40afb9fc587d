package se.kasam.participants.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import se.kasam.participants.Employee;
import se.kasam.participants.mapping.EmployeeChanged;
import se.kasam.participants.mapping.EmployeeFilter;
import se.kasam.participants.mapping.EmployeeInput;
import se.kasam.participants.mapping.EmployeeView;
import se.kasam.participants.mapping.ParticipantMapper;
import se.kasam.participants.repository.EmployeeRepository;
import se.kasam.participants.repository.UnitRepository;
import se.kasam.participants.rules.EmployeeRules;
import se.kasam.platform.outbox.Outbox;
import se.kasam.platform.paging.Page;
import se.kasam.platform.paging.PageRequest;
import se.kasam.platform.problem.Problem;
import se.kasam.platform.problem.ProblemException;
import se.kasam.platform.problem.ProblemType;
import se.kasam.platform.web.Versions;

@ApplicationScoped
@Transactional
public class EmployeeService {
    @Inject
    EmployeeRepository employees;

    @Inject
    UnitRepository units;

    @Inject
    Outbox outbox;

    @Inject
    EmployeeAccess access;

    @Inject
    TrioService trios;

    @Inject
    Clock clock;

    public EmployeeView create(EmployeeInput input) {
        check(input);
        if (employees.findById(input.employeeNumber()) != null) {
            throw ProblemException.conflict("employee " + input.employeeNumber() + " exists already; update instead");
        }
        Employee employee = new Employee();
        employee.employeeNumber = input.employeeNumber();
        ParticipantMapper.apply(input, employee);
        employee.updatedAt = OffsetDateTime.now(clock);
        employees.persistAndFlush(employee);
        publish(employee);
        return ParticipantMapper.toView(employee);
    }

    public EmployeeView update(String employeeNumber, EmployeeInput input, String ifMatch) {
        Employee employee = find(employeeNumber);
        Versions.requireMatch(ifMatch, employee.version);
        if (!employeeNumber.equals(input.employeeNumber())) {
            throw ProblemException.invalid("employeeNumber", "Immutable",
                    "the employee number cannot change (path says " + employeeNumber + ")");
        }
        check(input);
        EmployeeInput before = ParticipantMapper.toInput(employee);
        ParticipantMapper.apply(input, employee);
        saveIfChanged(employee, before);
        return ParticipantMapper.toView(employee);
    }

    /** Ends the employment on the given day (the last day employed); HR may move or clear it again by update. */
    public EmployeeView end(String employeeNumber, LocalDate endDate, String ifMatch) {
        Employee employee = find(employeeNumber);
        Versions.requireMatch(ifMatch, employee.version);
        if (endDate.isBefore(employee.startDate)) {
            throw ProblemException.invalid("endDate", "NotBeforeStart", "end date is before start date " + employee.startDate);
        }
        EmployeeInput before = ParticipantMapper.toInput(employee);
        employee.endDate = endDate;
        saveIfChanged(employee, before);
        return ParticipantMapper.toView(employee);
    }

    /** The employee, if the caller may see them; anyone else gets the same 404 as a number that does not exist. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public EmployeeView get(String employeeNumber) {
        Employee employee = employees.findById(employeeNumber);
        if (employee == null || !access.maySee(employee.employeeNumber, employee.unitCode)) {
            throw ProblemException.notFound("employee " + employeeNumber);
        }
        return ParticipantMapper.toView(employee);
    }

    /** Employees of a unit subtree, or of all the caller may see, filtered; a manager's list stops at their units. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<EmployeeView> list(EmployeeFilter filter, PageRequest page) {
        Set<String> units = filter.unit == null ? null : this.units.subtrees(List.of(filter.unit));
        if (filter.unit != null && units.isEmpty()) {
            throw ProblemException.notFound("unit " + filter.unit);
        }
        if (!access.seesEveryone()) {
            Set<String> visible = access.managedUnits();
            if (filter.unit != null && !visible.contains(filter.unit)) {
                throw ProblemException.notFound("unit " + filter.unit);
            }
            units = units == null ? visible : units;
        }
        PanacheQuery<Employee> query = employees.filtered(units, filter.active, filter.legalGender,
                filter.employmentType, LocalDate.now(clock));
        return Page.of(query, page).map(ParticipantMapper::toView);
    }

    /** A real change gets a new version, a timestamp and an event; an unchanged record none of them. */
    private void saveIfChanged(Employee employee, EmployeeInput before) {
        if (!ParticipantMapper.toInput(employee).equals(before)) {
            employee.updatedAt = OffsetDateTime.now(clock);
            employees.flush();
            publish(employee);
        }
    }

    private void publish(Employee employee) {
        if (employee.endDate != null) {
            trios.repairLeavers();
        }
        outbox.publish(EmployeeChanged.TOPIC, EmployeeChanged.TYPE, employee.employeeNumber,
                ParticipantMapper.toEvent(ParticipantMapper.toInput(employee), employee.version, LocalDate.now(clock)));
    }

    private Employee find(String employeeNumber) {
        Employee employee = employees.findById(employeeNumber);
        if (employee == null) {
            throw ProblemException.notFound("employee " + employeeNumber);
        }
        return employee;
    }

    /** The rules bean validation cannot say ({@link EmployeeRules}), and that the unit exists. */
    private void check(EmployeeInput input) {
        List<Problem.Violation> errors = new ArrayList<>(EmployeeRules.violations(input));
        if (units.findById(input.unitCode()) == null) {
            errors.add(new Problem.Violation("unitCode", "UnitExists", "no unit with code " + input.unitCode()));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, errors.get(0).field() + ": " + errors.get(0).message(), errors);
        }
    }
}
