package se.kasam.participants.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.kasam.participants.rules.TrioForming.Pair;
import se.kasam.participants.rules.TrioForming.Result;

/** The trio rules, checked on many random workplaces; small ones against every possible grouping. */
class TrioFormingTest {
    static final int ATTEMPTS = 200;

    @Test
    void groupSizesAreThreeUnlessTheHeadCountForcesAFourOrAPair() {
        assertEquals(List.of(2), TrioForming.sizes(2));
        assertEquals(List.of(3), TrioForming.sizes(3));
        assertEquals(List.of(4), TrioForming.sizes(4));
        assertEquals(List.of(3, 2), TrioForming.sizes(5));
        assertEquals(List.of(3, 3), TrioForming.sizes(6));
        assertEquals(List.of(3, 4), TrioForming.sizes(7));
        assertEquals(List.of(3, 3, 2), TrioForming.sizes(8));
    }

    @Test
    void aPoolOfOneIsReportedUnplaced() {
        Result result = TrioForming.form(List.of("E1"), Map.of(), Set.of(), 1, ATTEMPTS);
        assertTrue(result.groups().isEmpty());
        assertEquals(List.of("E1"), result.unplaced());
    }

    /** Every member in exactly one group, the sizes as forced, and the same seed gives the same groups. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void everyoneExactlyOnceInGroupsOfTheForcedSizesRepeatably(long seed) {
        Random random = new Random(seed);
        Org org = Org.random(random, 2 + random.nextInt(60));
        Result result = TrioForming.form(org.members, org.reportsTo, org.earlierPairs, seed, ATTEMPTS);
        List<String> seen = new ArrayList<>();
        result.groups().forEach(seen::addAll);
        assertEquals(new TreeSet<>(org.members), new TreeSet<>(seen));
        assertEquals(org.members.size(), seen.size(), "nobody twice");
        assertEquals(TrioForming.sizes(org.members.size()).stream().sorted().toList(),
                result.groups().stream().map(List::size).sorted().toList());
        assertEquals(result, TrioForming.form(org.members, org.reportsTo, org.earlierPairs, seed, ATTEMPTS));
    }

    /** Small workplaces: no conflict and no repeat that some grouping would have avoided. */
    @ParameterizedTest
    @ValueSource(longs = {101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120})
    void smallWorkplacesGetTheBestGroupingThereIs(long seed) {
        Random random = new Random(seed);
        Org org = Org.random(random, 3 + random.nextInt(5));
        Result result = TrioForming.form(org.members, org.reportsTo, org.earlierPairs, seed, ATTEMPTS);
        long best = Groupings.bestCost(new ArrayList<>(org.members), TrioForming.sizes(org.members.size()), org::cost);
        assertEquals(best, (long) result.conflicts().size() * 1_000_000 + result.repeats().size(),
                "conflicts " + result.conflicts() + ", repeats " + result.repeats());
    }

    /** A manager and their staff: the manager always lands with two who do not report to them, when there are two. */
    @ParameterizedTest
    @ValueSource(ints = {3, 5, 8, 13, 21, 34, 55})
    void managersAreNeverGroupedWithTheirStaffWhenItCanBeAvoided(int size) {
        Random random = new Random(size);
        Org org = Org.random(random, size);
        String manager = org.members.get(0);
        Map<String, Set<String>> reportsTo = new HashMap<>();
        // everyone reports to the manager except two colleagues from elsewhere
        for (String member : org.members.subList(3, org.members.size())) {
            reportsTo.put(member, Set.of(manager));
        }
        Result result = TrioForming.form(org.members, reportsTo, org.earlierPairs, size, ATTEMPTS);
        assertTrue(result.conflicts().isEmpty(), result.conflicts().toString());
        List<String> managersGroup = result.groups().stream().filter(g -> g.contains(manager)).findFirst().orElseThrow();
        for (String colleague : managersGroup) {
            assertTrue(colleague.equals(manager) || !reportsTo.containsKey(colleague), managersGroup.toString());
        }
    }

    @Test
    void anUnavoidableConflictIsReportedNotHidden() {
        Map<String, Set<String>> reportsTo = Map.of("E2", Set.of("E1"), "E3", Set.of("E1"));
        Result result = TrioForming.form(List.of("E1", "E2", "E3"), reportsTo, Set.of(), 7, ATTEMPTS);
        assertEquals(Set.of(new Pair("E1", "E2"), new Pair("E1", "E3")), new HashSet<>(result.conflicts()));
    }

    @Test
    void repeatsFallAsFarAsTheyCanAcrossRounds() {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            members.add("E" + (100 + i));
        }
        Set<Pair> met = new HashSet<>();
        for (int round = 1; round <= 4; round++) {
            Result result = TrioForming.form(members, Map.of(), met, round, ATTEMPTS);
            assertEquals(0, result.repeats().size(), "round " + round + " of a 30-person workplace needs no repeat");
            result.groups().forEach(g -> met.addAll(Pair.within(g)));
        }
    }

    /** A random workplace: a few managers with random staff, and pairs that met in earlier rounds. */
    private record Org(List<String> members, Map<String, Set<String>> reportsTo, Set<Pair> earlierPairs) {
        static Org random(Random random, int size) {
            List<String> members = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                members.add("E" + (1000 + i));
            }
            Map<String, Set<String>> reportsTo = new HashMap<>();
            int managers = random.nextInt(1 + size / 6);
            for (int m = 0; m < managers; m++) {
                String manager = members.get(random.nextInt(size));
                for (String member : members) {
                    if (!member.equals(manager) && random.nextInt(3) == 0) {
                        reportsTo.computeIfAbsent(member, k -> new HashSet<>()).add(manager);
                    }
                }
            }
            Set<Pair> earlier = new HashSet<>();
            for (int i = 0; i < size; i++) {
                for (int j = i + 1; j < size; j++) {
                    if (random.nextInt(4) == 0) {
                        earlier.add(new Pair(members.get(i), members.get(j)));
                    }
                }
            }
            return new Org(members, reportsTo, earlier);
        }

        long cost(List<String> group) {
            long cost = 0;
            for (Pair pair : Pair.within(group)) {
                boolean conflict = reportsTo.getOrDefault(pair.first(), Set.of()).contains(pair.second())
                        || reportsTo.getOrDefault(pair.second(), Set.of()).contains(pair.first());
                cost += conflict ? 1_000_000 : earlierPairs.contains(pair) ? 1 : 0;
            }
            return cost;
        }
    }
}
