package se.kasam.sickleave.service;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import se.kasam.platform.problem.ProblemException;
import se.kasam.platform.security.Caller;
import se.kasam.platform.security.Roles;
import se.kasam.sickleave.AuditEntry;
import se.kasam.sickleave.Employee;
import se.kasam.sickleave.repository.AuditRepository;
import se.kasam.sickleave.repository.EmployeeRepository;
import se.kasam.sickleave.repository.UnitRepository;

/**
 * Who may read an individual's absence: hr-admin; the manager of the employee's unit or a unit above it; the
 * employee. Anyone else gets a 404, as if the employee had no record. Every read that is let through is written to
 * the audit log, in the reading transaction.
 */
@RequestScoped
public class AbsenceAccess {
    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @Inject
    UnitRepository units;

    @Inject
    EmployeeRepository employees;

    @Inject
    AuditRepository audit;

    private Set<String> managed;

    /** Checks access and writes the audit entry; the caller must be in a transaction. */
    public void read(String employeeNumber, String endpoint) {
        read(employeeNumber, endpoint, () -> ProblemException.notFound("employee " + employeeNumber));
    }

    /**
     * As {@link #read(String, String)}, refused with {@code notYours}: a spell asked for by its id is "not found" by
     * that id, never naming whose it is.
     */
    public void read(String employeeNumber, String endpoint, java.util.function.Supplier<ProblemException> notYours) {
        if (!maySee(employeeNumber)) {
            throw notYours.get();
        }
        AuditEntry entry = new AuditEntry();
        entry.at = OffsetDateTime.now(clock);
        entry.actor = caller.name();
        entry.actorEmployee = caller.employeeNumber().orElse(null);
        entry.employeeNumber = employeeNumber;
        entry.endpoint = endpoint;
        audit.persist(entry);
    }

    public boolean isHrAdmin() {
        return caller.hasRole(Roles.HR_ADMIN);
    }

    /** A manager who has no role that sees every unit's aggregates. */
    public boolean isOnlyManager() {
        return caller.hasRole(Roles.MANAGER) && !caller.hasRole(Roles.PROJECT_LEAD) && !caller.hasRole(Roles.EVALUATOR)
                && !isHrAdmin();
    }

    public boolean maySee(String employeeNumber) {
        if (isHrAdmin() || caller.employeeNumber().map(employeeNumber::equals).orElse(false)) {
            return true;
        }
        Employee employee = employees.findById(employeeNumber);
        return employee != null && managedUnits().contains(employee.unitCode);
    }

    /** The units a manager sees (theirs and below); empty for anyone else. */
    public Set<String> managedUnits() {
        if (managed == null) {
            Optional<String> self = caller.employeeNumber();
            managed = caller.hasRole(Roles.MANAGER) && self.isPresent() ? units.subtrees(units.managedBy(self.get())) : Set.of();
        }
        return managed;
    }
}
