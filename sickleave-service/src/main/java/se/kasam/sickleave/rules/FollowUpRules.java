package se.kasam.sickleave.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * When a manager and HR should follow an employee's sick leave up, from the employee's sick-leave spells:
 * <ul>
 * <li>{@link Kind#REPEATED_SHORT_TERM}: {@code threshold} (usually 6) spells starting within 12 months, due on the
 * day the last of them starts; the count then starts over, so one run of absences gives one signal;</li>
 * <li>{@link Kind#RETURN_TO_WORK_PLAN}: a spell HR expects to last 60 days or more reaching its day 30, or any other
 * spell reaching day 60 (SFB 30 kap. 6 §: a return-to-work plan by day 30 when the absence is expected to last
 * 60 days).</li>
 * </ul>
 * A signal is due only once its day has come ({@code asOf}).
 */
public final class FollowUpRules {
    public enum Kind { REPEATED_SHORT_TERM, RETURN_TO_WORK_PLAN }

    public record Spell(String spellId, LocalDate firstDay, LocalDate lastDay, boolean expectedLongTerm) {
    }

    /** @param windowStart for repeated absence, the first day of the first spell counted; else null */
    public record Signal(Kind kind, LocalDate dueOn, String spellId, LocalDate windowStart) {
    }

    private final int threshold;

    public FollowUpRules(int threshold) {
        if (threshold < 2) {
            throw new IllegalArgumentException("the repeated-absence threshold must be at least 2, not " + threshold);
        }
        this.threshold = threshold;
    }

    public List<Signal> signals(List<Spell> spells, LocalDate asOf) {
        List<Spell> started = spells.stream().filter(s -> !s.firstDay().isAfter(asOf))
                .sorted(Comparator.comparing(Spell::firstDay)).toList();
        List<Signal> signals = new ArrayList<>();
        int windowFrom = 0;
        for (int i = 0; i < started.size(); i++) {
            Spell spell = started.get(i);
            LocalDate yearBefore = spell.firstDay().minusMonths(12);
            while (!started.get(windowFrom).firstDay().isAfter(yearBefore)) {
                windowFrom++;
            }
            if (i - windowFrom + 1 >= threshold) {
                signals.add(new Signal(Kind.REPEATED_SHORT_TERM, spell.firstDay(), spell.spellId(),
                        started.get(windowFrom).firstDay()));
                windowFrom = i + 1;
            }
        }
        for (Spell spell : started) {
            int day = spell.expectedLongTerm() ? 30 : 60;
            LocalDate due = spell.firstDay().plusDays(day - 1);
            boolean reached = !due.isAfter(asOf) && (spell.lastDay() == null || !due.isAfter(spell.lastDay()));
            if (reached) {
                signals.add(new Signal(Kind.RETURN_TO_WORK_PLAN, due, spell.spellId(), null));
            }
        }
        return signals;
    }
}
