package se.kasam.participants.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import se.kasam.participants.rules.TrioForming.Pair;

/**
 * Forms a trio round over part of the organisation: one pool per workplace (the employees whose unit it is), each
 * pool grouped by {@link TrioForming}. A unit's own manager joins the pool one level up, with the managers of the
 * neighbouring units, so managers and their staff are kept apart by construction. A workplace with a single employee cannot make a group, so that employee
 * joins the pool of the nearest unit up the tree (going further up while that pool would still be alone); one who
 * reaches the top of the round's units alone is reported as unplaced. Everyone reports to the managers of their
 * unit, or, if they manage it themselves (or it has none), to the nearest managers above. Pools are formed in
 * parallel, each with a seed derived from the round's seed and the unit, so the round is the same for the same seed.
 */
public final class TrioRoundForming {
    private TrioRoundForming() {
    }

    /**
     * @param parentOf  every unit's parent (null for the root)
     * @param managers  the managers of each unit (employee numbers)
     * @param unitOf    the round's employees (the active ones of the units in the round) and their units
     */
    public record Organisation(Map<String, String> parentOf, Map<String, Set<String>> managers, Map<String, String> unitOf) {
    }

    public record Group(String unitCode, List<String> members) {
    }

    public record Unplaced(String employeeNumber, String unitCode, String reason) {
    }

    /** A pair the round could not keep apart, in the unit whose pool they were in, and why. */
    public record Issue(String first, String second, String unitCode, String reason) {
    }

    public record Plan(List<Group> groups, List<Unplaced> unplaced, List<Issue> repeats, List<Issue> conflicts) {
    }

    public static final String ALONE = "no colleague in the unit or in the units above it within the round";
    public static final String FORCED = "the pool is one group: its head count leaves no other grouping";
    public static final String BUDGET = "the search found no grouping without it within its budget";

    /**
     * @param units the units in the round (a singleton moves up only within them)
     */
    public static Plan form(Organisation org, Set<String> units, Set<Pair> earlierPairs, long seed, int attempts) {
        Map<String, List<String>> pools = pools(org, units);
        Map<String, Set<String>> reportsTo = reportsTo(org);
        List<Map.Entry<String, TrioForming.Result>> results = pools.entrySet().parallelStream()
                .map(pool -> Map.entry(pool.getKey(), TrioForming.form(pool.getValue(), reportsTo, earlierPairs,
                        seed * 31 + pool.getKey().hashCode(), attempts)))
                .sorted(Map.Entry.comparingByKey())
                .toList();
        List<Group> groups = new ArrayList<>();
        List<Unplaced> unplaced = new ArrayList<>();
        List<Issue> repeats = new ArrayList<>();
        List<Issue> conflicts = new ArrayList<>();
        for (var entry : results) {
            String unit = entry.getKey();
            TrioForming.Result result = entry.getValue();
            String reason = pools.get(unit).size() <= 4 ? FORCED : BUDGET;
            result.groups().forEach(members -> groups.add(new Group(unit, members)));
            result.unplaced().forEach(e -> unplaced.add(new Unplaced(e, org.unitOf().get(e), ALONE)));
            result.repeats().forEach(p -> repeats.add(new Issue(p.first(), p.second(), unit, reason)));
            result.conflicts().forEach(p -> conflicts.add(new Issue(p.first(), p.second(), unit, reason)));
        }
        return new Plan(groups, unplaced, repeats, conflicts);
    }

    /** The pools, by unit: each unit's employees, with lone employees moved up the tree. */
    static Map<String, List<String>> pools(Organisation org, Set<String> units) {
        Map<String, List<String>> pools = new HashMap<>();
        org.unitOf().forEach((employee, unit) ->
                pools.computeIfAbsent(poolOf(org, units, employee, unit), u -> new ArrayList<>()).add(employee));
        pools.values().forEach(members -> members.sort(Comparator.naturalOrder()));
        Map<String, Integer> depth = new HashMap<>();
        List<String> deepestFirst = new ArrayList<>(units);
        deepestFirst.sort(Comparator.<String, Integer>comparing(u -> depth(org.parentOf(), u, depth)).reversed()
                .thenComparing(Comparator.naturalOrder()));
        for (String unit : deepestFirst) {
            List<String> pool = pools.get(unit);
            String parent = org.parentOf().get(unit);
            if (pool != null && pool.size() == 1 && parent != null && units.contains(parent)) {
                pools.computeIfAbsent(parent, p -> new ArrayList<>()).add(pool.get(0));
                pools.remove(unit);
            }
        }
        Map<String, List<String>> result = new TreeMap<>();
        pools.forEach((unit, members) -> {
            if (!members.isEmpty()) {
                members.sort(Comparator.naturalOrder());
                result.put(unit, members);
            }
        });
        return result;
    }

    /**
     * A unit's own manager is grouped one level up, with the managers of the sibling units, never with their staff;
     * at the top of the round they stay (and the report names the conflict).
     */
    private static String poolOf(Organisation org, Set<String> units, String employee, String unit) {
        String pool = unit;
        while (org.managers().getOrDefault(pool, Set.of()).contains(employee)
                && org.parentOf().get(pool) != null && units.contains(org.parentOf().get(pool))) {
            pool = org.parentOf().get(pool);
        }
        return pool;
    }

    /** Each employee's managers: their unit's, or if they manage it (or it has none) the nearest ones above. */
    public static Map<String, Set<String>> reportsTo(Organisation org) {
        Map<String, Set<String>> reportsTo = new HashMap<>();
        org.unitOf().forEach((employee, unit) -> {
            String current = unit;
            while (current != null) {
                Set<String> managers = org.managers().getOrDefault(current, Set.of());
                if (!managers.isEmpty() && !managers.contains(employee)) {
                    reportsTo.put(employee, managers);
                    return;
                }
                current = org.parentOf().get(current);
            }
        });
        return reportsTo;
    }

    private static int depth(Map<String, String> parentOf, String unit, Map<String, Integer> memo) {
        Integer known = memo.get(unit);
        if (known != null) {
            return known;
        }
        String parent = parentOf.get(unit);
        int depth = parent == null ? 0 : depth(parentOf, parent, memo) + 1;
        memo.put(unit, depth);
        return depth;
    }
}
