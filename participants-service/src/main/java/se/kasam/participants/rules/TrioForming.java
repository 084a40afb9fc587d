package se.kasam.participants.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Forms the trio groups of one pool of colleagues (a workplace): everyone in exactly one group, groups of three,
 * a group of four or two only where the head count forces it (n = 4, or n mod 3 = 1: one four; n mod 3 = 2: one
 * pair; a pool of one cannot be grouped and is reported). Never a manager together with someone who reports to
 * them, unless the pool leaves no other way (then reported). Pairs that met in earlier rounds are avoided: a
 * seeded local search (swaps between groups) lowers their number within a fixed budget of attempts, so the
 * result is the same for the same seed and input.
 */
public final class TrioForming {
    /** A conflict (manager with a report) weighs more than any number of repeated pairs in a pool. */
    private static final int CONFLICT_WEIGHT = 1_000_000;

    private TrioForming() {
    }

    /**
     * @param members      the pool's employee numbers
     * @param reportsTo    who manages whom: employee number to the managers they report to
     * @param earlierPairs pairs that met in earlier rounds
     * @param seed         makes the result repeatable
     * @param attempts     swap attempts per member: the search budget
     */
    public static Result form(List<String> members, Map<String, Set<String>> reportsTo, Set<Pair> earlierPairs,
                              long seed, int attempts) {
        if (members.size() < 2) {
            return new Result(List.of(), List.copyOf(members), List.of(), List.of());
        }
        List<String> order = new ArrayList<>(members);
        Collections.sort(order);
        Random random = new Random(seed);
        Collections.shuffle(order, random);
        List<List<String>> groups = split(order);
        Cost cost = new Cost(reportsTo, earlierPairs);
        int[] groupCost = new int[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            groupCost[g] = cost.of(groups.get(g));
        }
        long budget = (long) attempts * members.size();
        for (long i = 0; i < budget && groups.size() > 1 && total(groupCost) > 0; i++) {
            int a = random.nextInt(groups.size());
            int b = random.nextInt(groups.size() - 1);
            if (b >= a) {
                b++;
            }
            if (groupCost[a] == 0 && groupCost[b] == 0) {
                continue;
            }
            List<String> ga = groups.get(a);
            List<String> gb = groups.get(b);
            int ia = random.nextInt(ga.size());
            int ib = random.nextInt(gb.size());
            swap(ga, ia, gb, ib);
            int newA = cost.of(ga);
            int newB = cost.of(gb);
            // accept equal cost too: it lets the search walk across plateaus
            if (newA + newB <= groupCost[a] + groupCost[b]) {
                groupCost[a] = newA;
                groupCost[b] = newB;
            } else {
                swap(ga, ia, gb, ib);
            }
        }
        List<Pair> repeats = new ArrayList<>();
        List<Pair> conflicts = new ArrayList<>();
        for (List<String> group : groups) {
            Collections.sort(group);
            for (Pair pair : Pair.within(group)) {
                if (cost.conflict(pair)) {
                    conflicts.add(pair);
                } else if (earlierPairs.contains(pair)) {
                    repeats.add(pair);
                }
            }
        }
        groups.sort((x, y) -> x.get(0).compareTo(y.get(0)));
        return new Result(groups, List.of(), repeats, conflicts);
    }

    /** A group's cost: each manager-and-report pair outweighs any number of pairs that met before. */
    public static int cost(List<String> group, Map<String, Set<String>> reportsTo, Set<Pair> earlierPairs) {
        return new Cost(reportsTo, earlierPairs).of(group);
    }

    /** Sizes of the groups for a pool of n (n ≥ 2): threes, with one four or one pair where n forces it. */
    public static List<Integer> sizes(int n) {
        List<Integer> sizes = new ArrayList<>();
        int threes = n / 3;
        for (int i = 0; i < threes; i++) {
            sizes.add(3);
        }
        if (n % 3 == 1) {
            sizes.set(sizes.size() - 1, 4);
        } else if (n % 3 == 2) {
            sizes.add(2);
        }
        return sizes;
    }

    private static List<List<String>> split(List<String> order) {
        List<List<String>> groups = new ArrayList<>();
        int next = 0;
        for (int size : sizes(order.size())) {
            groups.add(new ArrayList<>(order.subList(next, next + size)));
            next += size;
        }
        return groups;
    }

    private static void swap(List<String> a, int ia, List<String> b, int ib) {
        String tmp = a.get(ia);
        a.set(ia, b.get(ib));
        b.set(ib, tmp);
    }

    private static long total(int[] costs) {
        long sum = 0;
        for (int c : costs) {
            sum += c;
        }
        return sum;
    }

    /** Two employees, in a fixed order, so {a, b} and {b, a} are one pair. */
    public record Pair(String first, String second) {
        public Pair {
            if (first.compareTo(second) > 0) {
                String tmp = first;
                first = second;
                second = tmp;
            }
        }

        static List<Pair> within(List<String> group) {
            List<Pair> pairs = new ArrayList<>();
            for (int i = 0; i < group.size(); i++) {
                for (int j = i + 1; j < group.size(); j++) {
                    pairs.add(new Pair(group.get(i), group.get(j)));
                }
            }
            return pairs;
        }
    }

    /**
     * @param groups    the trio groups, members sorted
     * @param unplaced  members that could not be grouped (a pool of one)
     * @param repeats   pairs that met before and meet again: as few as the search found
     * @param conflicts manager-and-report pairs the pool left no way around
     */
    public record Result(List<List<String>> groups, List<String> unplaced, List<Pair> repeats, List<Pair> conflicts) {
    }

    private static final class Cost {
        private final Map<String, Set<String>> reportsTo;
        private final Set<Pair> earlierPairs;
        private final Map<Pair, Boolean> conflicts = new HashMap<>();

        Cost(Map<String, Set<String>> reportsTo, Set<Pair> earlierPairs) {
            this.reportsTo = reportsTo;
            this.earlierPairs = earlierPairs;
        }

        int of(List<String> group) {
            int cost = 0;
            for (int i = 0; i < group.size(); i++) {
                for (int j = i + 1; j < group.size(); j++) {
                    Pair pair = new Pair(group.get(i), group.get(j));
                    if (conflict(pair)) {
                        cost += CONFLICT_WEIGHT;
                    } else if (earlierPairs.contains(pair)) {
                        cost++;
                    }
                }
            }
            return cost;
        }

        boolean conflict(Pair pair) {
            return conflicts.computeIfAbsent(pair, p ->
                    reportsTo.getOrDefault(p.first(), Set.of()).contains(p.second())
                            || reportsTo.getOrDefault(p.second(), Set.of()).contains(p.first()));
        }
    }
}
