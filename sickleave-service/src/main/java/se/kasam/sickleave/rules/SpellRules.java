package se.kasam.sickleave.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import se.kasam.platform.privacy.PersonnummerGuard;
import se.kasam.platform.problem.Problem.Violation;
import se.kasam.sickleave.mapping.PeriodInput;
import se.kasam.sickleave.mapping.SpellInput;

/**
 * The rules for a spell that bean validation cannot say: the periods are contiguous, only the last may be open, the
 * extent is a statutory one, no personnummer; and one employee's spells do not overlap.
 */
public final class SpellRules {
    public static final Set<Integer> EXTENTS = Set.of(25, 50, 75, 100);

    /** A stored or incoming spell's days, for the overlap check; {@code lastDay} null while open. */
    public record Days(String spellId, LocalDate firstDay, LocalDate lastDay) {
        boolean overlaps(Days other) {
            return (lastDay == null || !other.firstDay.isAfter(lastDay))
                    && (other.lastDay == null || !firstDay.isAfter(other.lastDay));
        }

        @Override
        public String toString() {
            return spellId + " (" + firstDay + " to " + (lastDay == null ? "open" : lastDay) + ")";
        }
    }

    private SpellRules() {
    }

    /** Assumes bean validation passed (periods present, not null, with first day and extent). */
    public static List<Violation> violations(SpellInput spell) {
        List<Violation> errors = new ArrayList<>();
        PersonnummerGuard.check(errors, "spellId", spell.spellId());
        PersonnummerGuard.check(errors, "employeeNumber", spell.employeeNumber());
        List<PeriodInput> periods = spell.periods();
        for (int i = 0; i < periods.size(); i++) {
            PeriodInput period = periods.get(i);
            String field = "periods[" + i + "]";
            if (!EXTENTS.contains(period.extent())) {
                errors.add(new Violation(field + ".extent", "OneOf", "extent must be 25, 50, 75 or 100, not " + period.extent()));
            }
            if (period.lastDay() != null && period.lastDay().isBefore(period.firstDay())) {
                errors.add(new Violation(field + ".lastDay", "NotBeforeFirstDay", "last day is before first day " + period.firstDay()));
            }
            if (i + 1 < periods.size()) {
                if (period.lastDay() == null) {
                    errors.add(new Violation(field + ".lastDay", "OnlyLastPeriodOpen", "only the last period may be open"));
                } else if (!periods.get(i + 1).firstDay().equals(period.lastDay().plusDays(1))) {
                    errors.add(new Violation("periods[" + (i + 1) + "].firstDay", "Contiguous",
                            "must be the day after the previous period's last day, " + period.lastDay().plusDays(1)));
                }
            }
        }
        return errors;
    }

    public static Days days(SpellInput spell) {
        return new Days(spell.spellId(), spell.periods().get(0).firstDay(), spell.periods().getLast().lastDay());
    }

    /** A violation naming the earliest of the employee's {@code others} spells that {@code spell} overlaps, if any. */
    public static List<Violation> overlaps(Days spell, List<Days> others) {
        return others.stream().filter(spell::overlaps).min(Comparator.comparing(Days::firstDay))
                .map(o -> List.of(new Violation("periods", "NoOverlap", "overlaps spell " + o + " of the same employee")))
                .orElse(List.of());
    }
}
