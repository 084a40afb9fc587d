package se.kasam.sickleave.service;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import se.kasam.platform.problem.ProblemException;

/**
 * Whose aggregates a caller may see: project lead, evaluator and hr-admin any unit (or the whole municipality);
 * a manager only the units they manage and below, named: another unit is answered as unknown (404).
 */
@RequestScoped
public class StatisticsAccess {
    @Inject
    AbsenceAccess access;

    /** @return the unit asked for (null: everyone), once the caller may see it */
    public String unit(String asked) {
        if (!access.isOnlyManager()) {
            return asked;
        }
        if (asked == null) {
            throw ProblemException.invalid("unit", "NotNull", "managers see the figures of the units they manage: name one");
        }
        if (!access.managedUnits().contains(asked)) {
            throw ProblemException.notFound("unit " + asked);
        }
        return asked;
    }
}
