package se.kasam.workshops.planning;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each constraint on its own, with hand-counted penalties (Timefold's ConstraintVerifier). */
class PlanConstraintsTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
    private static final OffsetDateTime MONDAY_NINE = OffsetDateTime.parse("2026-03-02T09:00:00+01:00");
    private final ConstraintVerifier<PlanConstraints, Plan> verifier =
            ConstraintVerifier.build(new PlanConstraints(), Plan.class, Party.class);

    private static Slot slot(String id, OffsetDateTime start, int seats, boolean candidate, Double lat, Double lon) {
        return new Slot(id, "M1", start, start.plusHours(3), "P", lat, lon, seats, candidate ? null : UUID.randomUUID(), ZONE);
    }

    private static Party party(String id, String key, Slot slot, String... members) {
        return party(id, key, "M1", null, null, false, Set.of(), slot, members);
    }

    private static Party party(String id, String key, String module, String follows, OffsetDateTime priorEnds,
                               boolean priorPlanned, Set<LocalDate> unavailable, Slot slot, String... members) {
        Party p = new Party(id, key, module, follows, List.of(members).stream().map(m -> new Party.Member(m, "U")).toList(),
                63.85, 15.56, priorEnds, priorPlanned, unavailable, List.of());
        p.setSlot(slot);
        return p;
    }

    @Test
    void seatsPenaliseEachOneTooMany() {
        Slot small = slot("s", MONDAY_NINE, 3, false, null, null);
        verifier.verifyThat(PlanConstraints::seats)
                .given(party("a", "T1", small, "1", "2", "3"), party("b", "E4", small, "4"), party("c", "E5", small, "5"))
                .penalizesBy(2);
        verifier.verifyThat(PlanConstraints::seats).given(party("a", "T1", small, "1", "2", "3")).penalizesBy(0);
    }

    @Test
    void theStaffingCapCountsTheBlockWithThoseAlreadyAway() {
        Slot morning = slot("am", MONDAY_NINE, 30, false, null, null);
        Slot sameMorning = slot("am2", MONDAY_NINE.plusHours(1), 30, false, null, null);
        Slot afternoon = slot("pm", MONDAY_NINE.plusHours(5), 30, false, null, null);
        // unit U may send 3 at once; 1 is already booked away that morning
        Staffing staffing = new Staffing(Map.of("U", 3), Map.of("U|2026-03-02-AM", 1));
        verifier.verifyThat(PlanConstraints::staffingCap)
                .given(staffing, party("a", "T1", morning, "1", "2"), party("b", "E3", sameMorning, "3"),
                        party("c", "E4", afternoon, "4"))
                .penalizesBy(1);
        verifier.verifyThat(PlanConstraints::staffingCap)
                .given(staffing, party("a", "T1", morning, "1", "2"), party("c", "E4", afternoon, "4"))
                .penalizesBy(0);
    }

    @Test
    void aModuleAfterOneBookedBeforeStartsAfterItEnds() {
        Slot slot = slot("s", MONDAY_NINE, 30, false, null, null);
        verifier.verifyThat(PlanConstraints::moduleOrderAfterBooked)
                .given(party("a", "T1", "M2", "M1", MONDAY_NINE.plusHours(1), false, Set.of(), slot, "1", "2"),
                        party("b", "E3", "M2", "M1", MONDAY_NINE, false, Set.of(), slot, "3"))
                .penalizesBy(2);
    }

    @Test
    void aModuleAfterOnePlacedInThePlanComesAfterIt() {
        Slot first = slot("first", MONDAY_NINE, 30, false, null, null);
        Slot later = slot("later", MONDAY_NINE.plusDays(7), 30, false, null, null);
        Party m1 = party("a1", "T1", "M1", null, null, false, Set.of(), first, "1", "2");
        Party m2InOrder = party("a2", "T1", "M2", "M1", null, true, Set.of(), later, "1", "2");
        verifier.verifyThat(PlanConstraints::moduleOrderWithinPlan).given(m1, m2InOrder).penalizesBy(0);
        Party m1Late = party("b1", "E3", "M1", null, null, false, Set.of(), later, "3");
        Party m2Early = party("b2", "E3", "M2", "M1", null, true, Set.of(), first, "3");
        Party m2Alone = party("c2", "E4", "M2", "M1", null, true, Set.of(), later, "4");
        verifier.verifyThat(PlanConstraints::moduleOrderWithinPlan).given(m1Late, m2Early, m2Alone).penalizesBy(2);
    }

    @Test
    void noOneOnADayTheyCannot() {
        Slot slot = slot("s", MONDAY_NINE, 30, false, null, null);
        verifier.verifyThat(PlanConstraints::unavailableDays)
                .given(party("a", "T1", "M1", null, null, false, Set.of(LocalDate.of(2026, 3, 2)), slot, "1", "2", "3"),
                        party("b", "E4", "M1", null, null, false, Set.of(LocalDate.of(2026, 3, 3)), slot, "4"))
                .penalizesBy(3);
    }

    @Test
    void everyoneLeftUnplacedCosts() {
        verifier.verifyThat(PlanConstraints::everyonePlaced)
                .given(party("a", "T1", null, "1", "2", "3"), party("b", "E4", slot("s", MONDAY_NINE, 30, false, null, null), "4"),
                        party("c", "E5", null, "5"))
                .penalizesBy(4);
    }

    @Test
    void eachNewSessionUsedCostsOnce() {
        Slot fresh = slot("new", MONDAY_NINE, 30, true, null, null);
        Slot unused = slot("new2", MONDAY_NINE, 30, true, null, null);
        Slot planned = slot("old", MONDAY_NINE, 30, false, null, null);
        verifier.verifyThat(PlanConstraints::newSessions)
                .given(unused, party("a", "T1", fresh, "1"), party("b", "E2", fresh, "2"), party("c", "E3", planned, "3"))
                .penalizesBy(PlanConstraints.NEW_SESSION_KM);
    }

    @Test
    void travelIsKilometresTimesPeople() {
        // from the workplace (63.85, 15.56) to Östersund (63.1792, 14.6357)
        Slot far = slot("far", MONDAY_NINE, 30, false, 63.1792, 14.6357);
        Slot here = slot("here", MONDAY_NINE, 30, false, 63.85, 15.56);
        verifier.verifyThat(PlanConstraints::travel)
                .given(party("a", "T1", far, "1", "2"), party("b", "E3", here, "3"))
                // 2 × 87.545 km (the same formula in Python), rounded once; the one at home travels 0
                .penalizesBy(175);
    }
}
