package se.kasam.survey.service;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import se.kasam.platform.problem.ProblemException;
import se.kasam.platform.security.Caller;
import se.kasam.platform.security.Roles;
import se.kasam.survey.repository.UnitRepository;

/**
 * Whose results a caller may see: project lead, evaluator and hr-admin any unit (or the whole round); a manager only
 * the units they manage and below, named: another unit is answered as unknown (404). And whose invitations: one's own.
 */
@RequestScoped
public class SurveyAccess {
    @Inject
    Caller caller;

    @Inject
    UnitRepository units;

    private Set<String> managed;

    /** A manager who has no role that sees every unit's results. */
    public boolean isOnlyManager() {
        return caller.hasRole(Roles.MANAGER) && !caller.hasRole(Roles.PROJECT_LEAD) && !caller.hasRole(Roles.EVALUATOR)
                && !caller.hasRole(Roles.HR_ADMIN);
    }

    /** @return the unit asked for (null: the whole round), once the caller may see it */
    public String unit(String asked) {
        if (!isOnlyManager()) {
            return asked;
        }
        if (asked == null) {
            throw ProblemException.invalid("unit", "NotNull", "managers see the results of the units they manage: name one");
        }
        if (!managedUnits().contains(asked)) {
            throw ProblemException.notFound("unit " + asked);
        }
        return asked;
    }

    private Set<String> managedUnits() {
        if (managed == null) {
            Optional<String> self = caller.employeeNumber();
            managed = self.isPresent() ? units.subtrees(units.managedBy(self.get())) : Set.of();
        }
        return managed;
    }

    /** The caller's employee number; a login without one has no invitations (404). */
    public String employee(String what) {
        return caller.employeeNumber().orElseThrow(() -> ProblemException.notFound(what));
    }
}
