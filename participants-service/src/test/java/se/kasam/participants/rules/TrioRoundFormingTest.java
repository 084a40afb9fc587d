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
import java.util.TreeMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.kasam.participants.rules.TrioForming.Pair;
import se.kasam.participants.rules.TrioRoundForming.Group;
import se.kasam.participants.rules.TrioRoundForming.Organisation;
import se.kasam.participants.rules.TrioRoundForming.Plan;

/** Property-style: random organisations, every rule of a round checked on each. */
class TrioRoundFormingTest {
    static final int ATTEMPTS = 200;

    static Stream<Long> seeds() {
        return LongStream.range(0, 60).boxed();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyRuleHoldsOnRandomOrganisations(long seed) {
        RandomOrg org = RandomOrg.generate(new Random(seed));
        Plan plan = TrioRoundForming.form(org.organisation, org.units, org.earlierPairs, seed, ATTEMPTS);

        // everyone active exactly once: in a group or reported unplaced
        List<String> placed = new ArrayList<>();
        plan.groups().forEach(g -> placed.addAll(g.members()));
        plan.unplaced().forEach(u -> placed.add(u.employeeNumber()));
        assertEquals(org.organisation.unitOf().size(), placed.size(), "nobody twice");
        assertEquals(org.organisation.unitOf().keySet(), new HashSet<>(placed), "nobody missing");

        // sizes: threes, with a four or a pair only where a pool's head count forces it
        Map<String, List<Integer>> sizesByPool = new TreeMap<>();
        plan.groups().forEach(g -> sizesByPool.computeIfAbsent(g.unitCode(), u -> new ArrayList<>()).add(g.members().size()));
        sizesByPool.forEach((unit, sizes) -> {
            int n = sizes.stream().mapToInt(Integer::intValue).sum();
            assertEquals(sorted(TrioForming.sizes(n)), sorted(sizes), "group sizes of pool " + unit + " of " + n);
        });

        // unplaced only when nobody else is in the unit or above it within the round
        for (var alone : plan.unplaced()) {
            Set<String> upwards = org.upwards(alone.unitCode(), alone.employeeNumber());
            assertTrue(plan.groups().stream().noneMatch(g -> upwards.contains(g.unitCode())),
                    alone.employeeNumber() + " had colleagues to join");
            assertEquals(TrioRoundForming.ALONE, alone.reason());
        }

        // the report tells the truth about conflicts and repeats
        Map<String, Set<String>> reportsTo = TrioRoundForming.reportsTo(org.organisation);
        Set<Pair> conflicts = new HashSet<>();
        Set<Pair> repeats = new HashSet<>();
        for (Group g : plan.groups()) {
            for (Pair p : TrioForming.Pair.within(g.members())) {
                if (reportsTo.getOrDefault(p.first(), Set.of()).contains(p.second())
                        || reportsTo.getOrDefault(p.second(), Set.of()).contains(p.first())) {
                    conflicts.add(p);
                } else if (org.earlierPairs.contains(p)) {
                    repeats.add(p);
                }
            }
        }
        assertEquals(conflicts, pairs(plan.conflicts()));
        assertEquals(repeats, pairs(plan.repeats()));

        // a conflict remains only where no grouping of the pool avoids it (checked exhaustively on small pools)
        for (var pool : byPool(plan).entrySet()) {
            List<String> members = pool.getValue().stream().flatMap(List::stream).toList();
            boolean hasConflict = pool.getValue().stream().anyMatch(g -> TrioForming.cost(g, reportsTo, Set.of()) > 0);
            if (hasConflict && members.size() <= 8) {
                assertTrue(Groupings.bestCost(members, TrioForming.sizes(members.size()),
                        g -> TrioForming.cost(g, reportsTo, Set.of())) > 0, "avoidable conflict in " + pool.getKey());
            }
        }

        // repeatable
        assertEquals(plan, TrioRoundForming.form(org.organisation, org.units, org.earlierPairs, seed, ATTEMPTS));
    }

    @Test
    void aLoneEmployeeJoinsTheNearestUnitUpTheTreeAndManagersGoOneLevelUp() {
        Map<String, String> parentOf = new HashMap<>();
        parentOf.put("ROOT", null);
        parentOf.put("ADM", "ROOT");
        parentOf.put("W1", "ADM");
        parentOf.put("W2", "ADM");
        Map<String, Set<String>> managers = Map.of("ADM", Set.of("A"), "W1", Set.of("M1"), "W2", Set.of("M2"));
        Map<String, String> unitOf = new HashMap<>();
        for (String e : List.of("M1", "E1", "E2", "E3")) {
            unitOf.put(e, "W1");
        }
        unitOf.put("M2", "W2");
        unitOf.put("LONE", "W2");
        unitOf.put("A", "ADM");
        Plan plan = TrioRoundForming.form(new Organisation(parentOf, managers, unitOf), parentOf.keySet(), Set.of(), 1, ATTEMPTS);

        // W1's staff in W1; M1 and M2 go up to ADM; LONE (alone in W2 without its manager) goes up too;
        // A manages ADM and goes up to ROOT, alone there: unplaced
        assertEquals(List.of(new Group("ADM", List.of("LONE", "M1", "M2")), new Group("W1", List.of("E1", "E2", "E3"))),
                plan.groups().stream().sorted((x, y) -> x.unitCode().compareTo(y.unitCode())).toList());
        assertEquals(List.of(new TrioRoundForming.Unplaced("A", "ADM", TrioRoundForming.ALONE)), plan.unplaced());
        // LONE reports to M2 and the pool of three leaves no way around it: reported, with the reason
        assertEquals(1, plan.conflicts().size());
        assertEquals(TrioRoundForming.FORCED, plan.conflicts().get(0).reason());
    }

    private static Map<String, List<List<String>>> byPool(Plan plan) {
        Map<String, List<List<String>>> pools = new TreeMap<>();
        plan.groups().forEach(g -> pools.computeIfAbsent(g.unitCode(), u -> new ArrayList<>()).add(g.members()));
        return pools;
    }

    private static Set<Pair> pairs(List<TrioRoundForming.Issue> issues) {
        Set<Pair> pairs = new HashSet<>();
        issues.forEach(i -> pairs.add(new Pair(i.first(), i.second())));
        return pairs;
    }

    private static List<Integer> sorted(List<Integer> sizes) {
        return sizes.stream().sorted().toList();
    }

    /** A municipality-shaped tree with workplaces of every size (one included), managers and earlier pairs. */
    record RandomOrg(Organisation organisation, Set<String> units, Set<Pair> earlierPairs) {
        static RandomOrg generate(Random random) {
            Map<String, String> parentOf = new HashMap<>();
            Map<String, Set<String>> managers = new HashMap<>();
            Map<String, String> unitOf = new HashMap<>();
            parentOf.put("U", null);
            List<String> frontier = new ArrayList<>(List.of("U"));
            int next = 0;
            for (int level = 0; level < 3; level++) {
                List<String> children = new ArrayList<>();
                for (String parent : frontier) {
                    int count = 1 + random.nextInt(level == 0 ? 3 : 4);
                    for (int i = 0; i < count; i++) {
                        String code = parent + "." + i;
                        parentOf.put(code, parent);
                        children.add(code);
                    }
                }
                frontier = children;
            }
            for (String unit : parentOf.keySet()) {
                int staff = random.nextInt(4) == 0 ? random.nextInt(2) : random.nextInt(20);
                List<String> people = new ArrayList<>();
                for (int i = 0; i < staff; i++) {
                    String employee = "E" + (next++);
                    unitOf.put(employee, unit);
                    people.add(employee);
                }
                if (!people.isEmpty() && random.nextInt(5) > 0) {
                    managers.put(unit, Set.of(people.get(0)));
                }
            }
            List<String> everyone = new ArrayList<>(unitOf.keySet());
            everyone.sort(null);
            Set<Pair> earlier = new HashSet<>();
            for (int i = 0; i < everyone.size(); i++) {
                for (int j = i + 1; j < everyone.size(); j++) {
                    if (unitOf.get(everyone.get(i)).equals(unitOf.get(everyone.get(j))) && random.nextInt(3) == 0) {
                        earlier.add(new Pair(everyone.get(i), everyone.get(j)));
                    }
                }
            }
            return new RandomOrg(new Organisation(parentOf, managers, unitOf), parentOf.keySet(), earlier);
        }

        /** The unit and those above it, less those the employee manages (their staff is not their pool). */
        Set<String> upwards(String unit, String employee) {
            Set<String> units = new HashSet<>();
            for (String u = unit; u != null; u = organisation.parentOf().get(u)) {
                if (!organisation.managers().getOrDefault(u, Set.of()).contains(employee)) {
                    units.add(u);
                }
            }
            return units;
        }
    }
}
