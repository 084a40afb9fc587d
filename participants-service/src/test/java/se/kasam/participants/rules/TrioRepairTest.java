package se.kasam.participants.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class TrioRepairTest {
    static Map<Long, List<String>> pool(List<?>... groups) {
        Map<Long, List<String>> pool = new TreeMap<>();
        for (int i = 0; i < groups.length; i++) {
            pool.put((long) i + 1, groups[i].stream().map(Object::toString).toList());
        }
        return pool;
    }

    @Test
    void aFourLosingOneIsStillAGroup() {
        var changed = TrioRepair.afterLeave(pool(List.of("A", "B", "C", "D")), 1, "D", Map.of(), Set.of());
        assertEquals(Map.of(1L, List.of("A", "B", "C")), changed);
    }

    @Test
    void aPairTakesAMemberFromAFourInTheSamePool() {
        var changed = TrioRepair.afterLeave(pool(List.of("A", "B", "C"), List.of("D", "E", "F", "G")), 1, "C",
                Map.of(), Set.of(new TrioForming.Pair("A", "D"), new TrioForming.Pair("A", "E")));
        // F is the first of the four who has not met A or B before
        assertEquals(Map.of(1L, List.of("A", "B", "F"), 2L, List.of("D", "E", "G")), changed);
    }

    @Test
    void withoutAFourTwoPairsMerge() {
        var changed = TrioRepair.afterLeave(pool(List.of("A", "B", "C"), List.of("D", "E"), List.of("F", "G", "H")), 1, "C",
                Map.of(), Set.of());
        assertEquals(Map.of(1L, List.of("A", "B", "D", "E"), 2L, List.of()), changed);
    }

    @Test
    void aMemberLeftAloneJoinsAPairElseAThreeAvoidingTheirManager() {
        var changed = TrioRepair.afterLeave(pool(List.of("A", "B"), List.of("C", "D", "E"), List.of("F", "G", "H")), 1, "B",
                Map.of("A", Set.of("C")), Set.of());
        assertEquals(Map.of(1L, List.of(), 3L, List.of("A", "F", "G", "H")), changed, "A's manager C is in group 2");
        changed = TrioRepair.afterLeave(pool(List.of("A", "B"), List.of("C", "D", "E"), List.of("F", "G")), 1, "B",
                Map.of(), Set.of());
        assertEquals(Map.of(1L, List.of(), 3L, List.of("A", "F", "G")), changed);
    }

    @Test
    void aLonePairStaysAPair() {
        assertEquals(Map.of(1L, List.of("A", "B")),
                TrioRepair.afterLeave(pool(List.of("A", "B", "C"), List.of("D", "E", "F")), 1, "C", Map.of(), Set.of()));
    }

    @RepeatedTest(200)
    void afterAnyLeaveEveryoneElseIsInExactlyOneGroupOfTwoToFour(RepetitionInfo info) {
        Random random = new Random(info.getCurrentRepetition());
        int n = 2 + random.nextInt(20);
        List<String> members = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            members.add("E" + i);
        }
        Map<Long, List<String>> groups = new TreeMap<>();
        int next = 0;
        long id = 1;
        for (int size : TrioForming.sizes(n)) {
            groups.put(id++, members.subList(next, next + size));
            next += size;
        }
        String leaver = members.get(random.nextInt(n));
        long group = groups.entrySet().stream().filter(g -> g.getValue().contains(leaver)).findFirst().orElseThrow().getKey();

        Map<Long, List<String>> after = new HashMap<>(groups);
        after.putAll(TrioRepair.afterLeave(groups, group, leaver, Map.of(), Set.of()));
        List<String> everyone = after.values().stream().flatMap(List::stream).sorted().toList();
        List<String> expected = members.stream().filter(m -> !m.equals(leaver)).sorted().toList();
        assertEquals(expected, everyone, "everyone but the leaver, once");
        after.values().stream().filter(g -> !g.isEmpty()).forEach(g ->
                assertTrue(g.size() >= 2 && g.size() <= 4 || n - 1 == 1, "group of " + g.size() + " from pool of " + n));
    }
}
