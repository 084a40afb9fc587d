package se.kasam.participants.service;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import se.kasam.participants.repository.UnitRepository;
import se.kasam.platform.security.Caller;
import se.kasam.platform.security.Roles;

/**
 * Which employees the caller may see: HR and the project lead all; a manager the employees of the units they
 * manage and the units below; an employee only themselves. Anything else is answered as if it did not exist.
 */
@RequestScoped
public class EmployeeAccess {
    @Inject
    Caller caller;

    @Inject
    UnitRepository units;

    private Set<String> managedSubtree;

    public boolean seesEveryone() {
        return caller.hasRole(Roles.HR_INTEGRATION) || caller.hasRole(Roles.HR_ADMIN) || caller.hasRole(Roles.PROJECT_LEAD);
    }

    public boolean maySee(String employeeNumber, String unitCode) {
        return seesEveryone()
                || caller.employeeNumber().map(employeeNumber::equals).orElse(false)
                || managedUnits().contains(unitCode);
    }

    /** Units whose staff a manager sees; empty for anyone who is not a manager. */
    public Set<String> managedUnits() {
        if (managedSubtree == null) {
            Optional<String> self = caller.employeeNumber();
            managedSubtree = caller.hasRole(Roles.MANAGER) && self.isPresent()
                    ? units.subtrees(units.managedBy(self.get()))
                    : Set.of();
        }
        return managedSubtree;
    }
}
