package se.kasam.workshops.planning;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.sum;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;
import se.kasam.workshops.rules.Travel;

/**
 * Hard: seats, the staffing cap, module order, unavailable days. Medium: everyone placed. Soft: as few new sessions
 * as may be (each costs as much as {@link #NEW_SESSION_KM} km of travel) and as little travel as may be.
 */
public class PlanConstraints implements ConstraintProvider {
    public static final long NEW_SESSION_KM = 300;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {seats(factory), staffingCap(factory), moduleOrderAfterBooked(factory),
                moduleOrderWithinPlan(factory), unavailableDays(factory), everyonePlaced(factory),
                newSessions(factory), travel(factory)};
    }

    Constraint seats(ConstraintFactory factory) {
        return factory.forEach(Party.class)
                .groupBy(Party::getSlot, sum(Party::size))
                .filter((slot, taken) -> taken > slot.seats())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (slot, taken) -> taken - slot.seats())
                .asConstraint("seats");
    }

    Constraint staffingCap(ConstraintFactory factory) {
        return factory.forEach(Party.class)
                .flattenLast(Party::away)
                .groupBy(Party.Away::unitCode, Party.Away::block, sum(Party.Away::count))
                .join(Staffing.class)
                .filter((unit, block, planned, staffing) -> planned + staffing.away(unit, block) > staffing.limit(unit))
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (unit, block, planned, staffing) ->
                        planned + staffing.away(unit, block) - (long) staffing.limit(unit))
                .asConstraint("staffing cap");
    }

    Constraint moduleOrderAfterBooked(ConstraintFactory factory) {
        return factory.forEach(Party.class)
                .filter(p -> p.getPriorEndsAt() != null && p.getSlot().startsAt().isBefore(p.getPriorEndsAt()))
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, Party::size)
                .asConstraint("module order: after the module booked before");
    }

    Constraint moduleOrderWithinPlan(ConstraintFactory factory) {
        return factory.forEach(Party.class)
                .filter(Party::isPriorPlanned)
                .ifNotExists(Party.class, Joiners.equal(Party::getKey),
                        Joiners.equal(Party::getFollows, Party::getModuleCode),
                        Joiners.filtering((later, earlier) -> !earlier.getSlot().endsAt().isAfter(later.getSlot().startsAt())))
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, Party::size)
                .asConstraint("module order: after the module placed before");
    }

    Constraint unavailableDays(ConstraintFactory factory) {
        return factory.forEach(Party.class)
                .filter(p -> p.getUnavailable().contains(p.getSlot().day()))
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, Party::size)
                .asConstraint("unavailable days");
    }

    Constraint everyonePlaced(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Party.class)
                .filter(p -> p.getSlot() == null)
                .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM, Party::size)
                .asConstraint("everyone placed");
    }

    Constraint newSessions(ConstraintFactory factory) {
        return factory.forEach(Party.class)
                .filter(p -> p.getSlot().candidate())
                .groupBy(Party::getSlot)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, slot -> NEW_SESSION_KM)
                .asConstraint("new sessions");
    }

    Constraint travel(ConstraintFactory factory) {
        return factory.forEach(Party.class)
                .filter(p -> p.getLatitude() != null && p.getSlot().latitude() != null)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, p -> Math.round(p.size() * Travel.kilometres(
                        p.getLatitude(), p.getLongitude(), p.getSlot().latitude(), p.getSlot().longitude())))
                .asConstraint("travel");
    }
}
