package se.kasam.workshops.service;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.Set;
import se.kasam.platform.problem.ProblemException;
import se.kasam.platform.problem.ProblemType;
import se.kasam.platform.security.Caller;
import se.kasam.platform.security.Roles;
import se.kasam.workshops.Employee;
import se.kasam.workshops.Session;
import se.kasam.workshops.TrioGroup;
import se.kasam.workshops.repository.EmployeeRepository;
import se.kasam.workshops.repository.UnitRepository;

/**
 * Who may act for whom: one's own bookings; a manager's for the staff of the units they manage and below (another
 * unit's employee is unknown to them: 404); the project lead's for anyone. A facilitator marks only the sessions they
 * lead (another session: 404). An employee booking for someone else is refused (403); another's booking, asked for
 * by its id, is not found (404).
 */
@RequestScoped
public class WorkshopsAccess {
    @Inject
    Caller caller;

    @Inject
    UnitRepository units;

    @Inject
    EmployeeRepository employees;

    private Set<String> managed;

    public String name() {
        return caller.name();
    }

    public Optional<String> self() {
        return caller.employeeNumber();
    }

    public boolean isProjectLead() {
        return caller.hasRole(Roles.PROJECT_LEAD);
    }

    /** The employee the caller acts for: {@code asked}, or themselves when none is named. */
    public Employee actFor(String asked) {
        return resolve(asked, () -> ProblemException.notFound("employee " + asked),
                () -> new ProblemException(ProblemType.FORBIDDEN, "an employee books and cancels only their own places"));
    }

    /** Whose figures the caller reads: as {@link #actFor}, but another's are not found (a read never confirms anyone). */
    public Employee readFor(String asked) {
        return resolve(asked, () -> ProblemException.notFound("employee " + asked), () -> ProblemException.notFound("employee " + asked));
    }

    /**
     * The employee of a booking the caller may read or cancel. A booking of someone the caller may not act for is
     * not found, as if it did not exist, and the answer names only the booking id the caller sent, never whose it is.
     */
    public Employee ofBooking(java.util.UUID booking, String employeeNumber) {
        Supplier<ProblemException> unknown = () -> ProblemException.notFound("booking " + booking);
        return resolve(employeeNumber, unknown, unknown);
    }

    /** A member of a trio group the caller books; a group they may not book for is not found, nor who is in it. */
    public Employee ofTrioGroup(long group, String member) {
        Supplier<ProblemException> unknown = () -> ProblemException.notFound("trio group " + group);
        return resolve(member, unknown, unknown);
    }

    private Employee resolve(String asked, Supplier<ProblemException> notManaged, Supplier<ProblemException> anotherEmployees) {
        Optional<String> self = self();
        String number = asked == null ? self.orElseThrow(() -> ProblemException.invalid("employeeNumber", "NotNull",
                "this login is not an employee's: name the employee")) : asked;
        Employee employee = employees.findById(number);
        if (self.filter(number::equals).isPresent() && employee != null) {
            return employee;
        }
        if (isProjectLead()) {
            return require(employee, number);
        }
        if (caller.hasRole(Roles.MANAGER)) {
            if (employee == null || !managedUnits().contains(employee.unitCode)) {
                throw notManaged.get();
            }
            return employee;
        }
        if (self.filter(number::equals).isPresent()) {
            throw ProblemException.notFound("employee " + number);
        }
        throw anotherEmployees.get();
    }

    /** A unit the caller may record workplace activities for and see the progress of. */
    public void unit(String code) {
        if (isProjectLead() || caller.hasRole(Roles.HR_ADMIN) || caller.hasRole(Roles.EVALUATOR)) {
            return;
        }
        if (!managedUnits().contains(code)) {
            throw ProblemException.notFound("unit " + code);
        }
    }

    public boolean seesEveryUnit() {
        return isProjectLead() || caller.hasRole(Roles.HR_ADMIN) || caller.hasRole(Roles.EVALUATOR);
    }

    /** The session, if the caller leads it or is the project lead. */
    public void leads(Session session) {
        if (isProjectLead()) {
            return;
        }
        if (self().filter(session.facilitators::contains).isEmpty()) {
            throw ProblemException.notFound("session " + session.id);
        }
    }

    /** A trio group's meetings are for its members (and the project lead). */
    public void memberOf(TrioGroup group) {
        if (isProjectLead()) {
            return;
        }
        if (self().filter(group::hasMember).isEmpty()) {
            throw ProblemException.notFound("trio group " + group.id);
        }
    }

    private Set<String> managedUnits() {
        if (managed == null) {
            Optional<String> self = self();
            managed = self.isPresent() && caller.hasRole(Roles.MANAGER)
                    ? units.subtrees(units.managedBy(self.get())) : Set.of();
        }
        return managed;
    }

    private static Employee require(Employee employee, String number) {
        if (employee == null) {
            throw ProblemException.notFound("employee " + number);
        }
        return employee;
    }
}
