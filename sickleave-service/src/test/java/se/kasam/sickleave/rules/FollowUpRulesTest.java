package se.kasam.sickleave.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.kasam.sickleave.rules.FollowUpRules.Kind;
import se.kasam.sickleave.rules.FollowUpRules.Signal;
import se.kasam.sickleave.rules.FollowUpRules.Spell;

class FollowUpRulesTest {
    static final FollowUpRules RULES = new FollowUpRules(6);
    static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

    @Test
    void sixSpellsStartingWithinTwelveMonthsRaiseOneSignalOnTheSixthsFirstDay() {
        List<Spell> spells = shortSpells(LocalDate.of(2025, 3, 1), 6, 60); // every 60 days: the 6th on 2025-12-26
        List<Signal> signals = RULES.signals(spells, TODAY);
        assertEquals(List.of(new Signal(Kind.REPEATED_SHORT_TERM, LocalDate.of(2025, 12, 26), "s5", LocalDate.of(2025, 3, 1))), signals);
    }

    @Test
    void fiveWithinAYearAreNotEnough_andTheCountStartsOverAfterASignal() {
        assertEquals(List.of(), RULES.signals(shortSpells(LocalDate.of(2025, 1, 1), 6, 73), TODAY),
                "the 6th starts on 2026-01-01: the 1st, 2025-01-01, is no longer within the 12 months before it");
        List<Signal> eleven = RULES.signals(shortSpells(LocalDate.of(2025, 1, 1), 11, 20), TODAY);
        assertEquals(1, eleven.size(), "11 spells: one signal at the 6th, 5 more are not a second");
        assertEquals(2, RULES.signals(shortSpells(LocalDate.of(2025, 1, 1), 12, 20), TODAY).size());
    }

    @Test
    void aSpellExpectedToBeLongIsDueForAPlanOnDay30_anyOtherOnDay60() {
        Spell expected = new Spell("e", LocalDate.of(2026, 3, 1), null, true);
        Spell other = new Spell("o", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 1), false);
        Spell shortOne = new Spell("s", LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 20), true);
        assertEquals(List.of(new Signal(Kind.RETURN_TO_WORK_PLAN, LocalDate.of(2026, 3, 30), "e", null),
                        new Signal(Kind.RETURN_TO_WORK_PLAN, LocalDate.of(2026, 3, 1), "o", null)),
                RULES.signals(List.of(expected, other, shortOne), TODAY).stream()
                        .sorted((a, b) -> a.spellId().compareTo(b.spellId())).toList());
    }

    @Test
    void nothingIsDueBeforeItsDay() {
        Spell open = new Spell("e", LocalDate.of(2026, 6, 2), null, true); // day 30 is 1 July
        assertEquals(List.of(), RULES.signals(List.of(open), TODAY));
        assertEquals(1, RULES.signals(List.of(open), TODAY.plusDays(1)).size());
    }

    @Test
    void theThresholdIsConfigurableButAtLeastTwo() {
        assertEquals(1, new FollowUpRules(3).signals(shortSpells(LocalDate.of(2025, 1, 1), 3, 30), TODAY).size());
        assertThrows(IllegalArgumentException.class, () -> new FollowUpRules(1));
    }

    private static List<Spell> shortSpells(LocalDate first, int count, int everyDays) {
        List<Spell> spells = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate day = first.plusDays((long) i * everyDays);
            spells.add(new Spell("s" + i, day, day.plusDays(1), false));
        }
        return spells;
    }
}
