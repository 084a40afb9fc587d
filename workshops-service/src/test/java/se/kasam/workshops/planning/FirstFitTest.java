package se.kasam.workshops.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The first plan breaks no hard rule (scored by the constraints themselves), for random problems of a seed each. */
class FirstFitTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
    private static final SolutionManager<Plan, HardMediumSoftLongScore> SCORES = SolutionManager.create(
            SolverFactory.create(new SolverConfig().withSolutionClass(Plan.class).withEntityClasses(Party.class)
                    .withConstraintProviderClass(PlanConstraints.class)));
    private static int seed;

    @RepeatedTest(20)
    void aFirstPlanBreaksNoHardRule() {
        SplittableRandom random = new SplittableRandom(++seed);
        OffsetDateTime start = OffsetDateTime.parse("2026-03-02T08:30:00+01:00");
        List<Slot> first = new ArrayList<>();
        List<Slot> second = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            first.add(new Slot("a" + i, "M1", start.plusDays(i), start.plusDays(i).plusHours(3), "P", null, null,
                    3 + random.nextInt(8), null, ZONE));
            second.add(new Slot("b" + i, "M2", start.plusDays(3 + i), start.plusDays(3 + i).plusHours(3), "P", null,
                    null, 3 + random.nextInt(8), null, ZONE));
        }
        List<Slot> slots = new ArrayList<>(first);
        slots.addAll(second);
        List<Party> parties = new ArrayList<>();
        int people = 10 + random.nextInt(30);
        for (int p = 0; p < people; p++) {
            String unit = "U" + random.nextInt(3);
            Set<LocalDate> away = random.nextInt(4) == 0 ? Set.of(start.plusDays(random.nextInt(6)).toLocalDate()) : Set.of();
            List<Party.Member> members = List.of(new Party.Member("E" + p, unit));
            parties.add(new Party("E" + p + ":M1", "E" + p, "M1", null, members, null, null, null, false, away, first));
            parties.add(new Party("E" + p + ":M2", "E" + p, "M2", "M1", members, null, null, null, true, away, second));
        }
        Plan plan = new Plan(slots, new Staffing(Map.of("U0", 2, "U1", 3, "U2", 4), Map.of()), parties);

        FirstFit.place(plan);

        HardMediumSoftLongScore score = SCORES.update(plan);
        assertEquals(0, score.hardScore(), score.toString());
        long placed = parties.stream().filter(p -> p.getSlot() != null).count();
        assertEquals(-score.mediumScore(), parties.size() - placed);
    }

    @Test
    void aPartyWhosePriorNoSlotTookIsLeftUnplaced() {
        OffsetDateTime start = OffsetDateTime.parse("2026-03-02T08:30:00+01:00");
        Slot one = new Slot("a", "M1", start, start.plusHours(3), "P", null, null, 1, null, ZONE);
        Slot two = new Slot("b", "M2", start.plusDays(1), start.plusDays(1).plusHours(3), "P", null, null, 5, null, ZONE);
        List<Party> parties = new ArrayList<>();
        for (String e : List.of("E1", "E2")) {
            List<Party.Member> m = List.of(new Party.Member(e, "U"));
            parties.add(new Party(e + ":M1", e, "M1", null, m, null, null, null, false, Set.of(), List.of(one)));
            parties.add(new Party(e + ":M2", e, "M2", "M1", m, null, null, null, true, Set.of(), List.of(two)));
        }
        FirstFit.place(new Plan(List.of(one, two), new Staffing(Map.of(), Map.of()), parties));
        assertEquals(one, parties.get(0).getSlot());
        assertEquals(two, parties.get(1).getSlot());
        assertNull(parties.get(2).getSlot());
        assertNull(parties.get(3).getSlot());
        assertTrue(parties.stream().allMatch(p -> p.getSlot() == null || p.getSlot().seats() >= 1));
    }
}
