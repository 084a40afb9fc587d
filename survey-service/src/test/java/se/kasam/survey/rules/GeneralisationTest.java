package se.kasam.survey.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class GeneralisationTest {
    static final List<String> GENDERS = List.of("FEMALE", "MALE");
    static final List<String> BANDS = List.of("UP_TO_29", "FROM_30_TO_49", "FROM_50");

    @Test
    void theOneManOverFiftyIsStoredWithoutWhatSinglesHimOut() {
        // a care home of 8 women 30-49 and one man over 50, under a department with 6 more women 30-49 and 5 men over 50
        Map<String, String> parents = new HashMap<>();
        parents.put("DEPT", null);
        parents.put("HOME", "DEPT");
        Map<Demography, Integer> invitees = new LinkedHashMap<>();
        invitees.put(new Demography("HOME", "FEMALE", "FROM_30_TO_49"), 8);
        invitees.put(new Demography("HOME", "MALE", "FROM_50"), 1);
        invitees.put(new Demography("DEPT", "FEMALE", "FROM_30_TO_49"), 6);
        invitees.put(new Demography("DEPT", "MALE", "FROM_50"), 4);
        Map<Demography, Demography> classes = Generalisation.classes(parents, invitees, 5);
        assertEquals(new Demography("HOME", "FEMALE", "FROM_30_TO_49"), classes.get(new Demography("HOME", "FEMALE", "FROM_30_TO_49")));
        // the man moves up to the department, where he is one of five men over 50
        assertEquals(new Demography("DEPT", "MALE", "FROM_50"), classes.get(new Demography("HOME", "MALE", "FROM_50")));
        assertEquals(new Demography("DEPT", "MALE", "FROM_50"), classes.get(new Demography("DEPT", "MALE", "FROM_50")));
        assertEquals(new Demography("DEPT", "FEMALE", "FROM_30_TO_49"), classes.get(new Demography("DEPT", "FEMALE", "FROM_30_TO_49")));
    }

    @Test
    void aRemainderTooSmallEvenAboveTheTopJoinsTheSmallestGroup() {
        Map<String, String> parents = new HashMap<>();
        parents.put("A", null);
        Map<Demography, Integer> invitees = new LinkedHashMap<>();
        invitees.put(new Demography("A", "FEMALE", "FROM_30_TO_49"), 7);
        invitees.put(new Demography("A", "MALE", "FROM_50"), 2);
        Map<Demography, Demography> classes = Generalisation.classes(parents, invitees, 5);
        // A is the round's one top unit: what cannot be kept below it is kept at it
        Demography wholeRound = new Demography("A", null, null);
        assertEquals(wholeRound, classes.get(new Demography("A", "MALE", "FROM_50")));
        assertEquals(wholeRound, classes.get(new Demography("A", "FEMALE", "FROM_30_TO_49")));
    }

    /** Random trees and staff: every stored tuple is shared by at least k invitees, and each stands for its members. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void everyStoredTupleIsSharedByAtLeastK(long seed) {
        Random random = new Random(seed);
        int k = 3 + random.nextInt(4);
        Map<String, String> parents = new LinkedHashMap<>();
        int units = 1 + random.nextInt(25);
        for (int u = 0; u < units; u++) {
            parents.put("U" + u, u == 0 || random.nextInt(6) == 0 ? null : "U" + random.nextInt(u));
        }
        Map<Demography, Integer> invitees = new HashMap<>();
        int total = 0;
        for (String unit : parents.keySet()) {
            int staff = random.nextInt(15);
            for (int i = 0; i < staff; i++) {
                invitees.merge(new Demography(unit, GENDERS.get(random.nextInt(4) == 0 ? 1 : 0),
                        BANDS.get(random.nextInt(3))), 1, Integer::sum);
                total++;
            }
        }
        Map<Demography, Demography> classes = Generalisation.classes(parents, invitees, k);
        assertEquals(invitees.keySet(), classes.keySet());
        Map<Demography, Integer> shared = new HashMap<>();
        classes.forEach((own, stored) -> {
            shared.merge(stored, invitees.get(own), Integer::sum);
            assertTrue(stored.covers(ancestorOrSelf(own.unit(), stored.unit(), parents), own.gender(), own.band()),
                    stored + " does not stand for " + own);
        });
        if (total >= k) {
            shared.forEach((stored, n) -> assertTrue(n >= k, stored + " is shared by " + n + " < " + k));
        }
    }

    /** The stored unit if it is the unit or above it (or everyone), else the unit itself (so covers() fails). */
    private static String ancestorOrSelf(String unit, String stored, Map<String, String> parents) {
        if (stored.equals(Demography.EVERYONE)) {
            return stored;
        }
        for (String u = unit; u != null; u = parents.get(u)) {
            if (u.equals(stored)) {
                return stored;
            }
        }
        return unit;
    }
}
