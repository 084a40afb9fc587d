package se.kasam.sickleave.mapping;

import java.time.LocalDate;
import java.util.List;
import se.kasam.sickleave.AbsenceKind;
import se.kasam.sickleave.Spell;

/** A stored spell: as HR sent it, with its first and last day and version. */
public record SpellView(String spellId, String employeeNumber, AbsenceKind kind, LocalDate firstDay, LocalDate lastDay,
                        boolean expectedLongTerm, List<PeriodInput> periods, int version) {

    public static SpellView of(SpellInput s, int version) {
        return new SpellView(s.spellId(), s.employeeNumber(), s.kind(), s.periods().getFirst().firstDay(),
                s.periods().getLast().lastDay(), s.expectedLongTerm(), s.periods(), version);
    }

    public static SpellView of(Spell s) {
        return new SpellView(s.spellId, s.employeeNumber, s.kind, s.firstDay, s.lastDay, s.expectedLongTerm,
                s.periods.stream().map(p -> new PeriodInput(p.firstDay, p.lastDay, (int) p.extent)).toList(), s.version);
    }
}
