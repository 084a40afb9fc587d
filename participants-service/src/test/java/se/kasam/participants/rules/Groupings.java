package se.kasam.participants.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/** Exhaustive search over every grouping of a small pool: the yardstick the forming rules are tested against. */
final class Groupings {
    private Groupings() {
    }

    /** The lowest total cost of all groupings of the members into groups of the given sizes (small pools only). */
    static long bestCost(List<String> members, List<Integer> sizes, ToLongFunction<List<String>> cost) {
        if (members.isEmpty()) {
            return 0;
        }
        long best = Long.MAX_VALUE;
        String first = members.get(0);
        List<String> rest = members.subList(1, members.size());
        for (int s = 0; s < sizes.size(); s++) {
            if (s > 0 && sizes.get(s).equals(sizes.get(s - 1))) {
                continue;
            }
            List<Integer> otherSizes = new ArrayList<>(sizes);
            int size = otherSizes.remove(s);
            for (List<String> companions : combinations(rest, size - 1)) {
                List<String> group = new ArrayList<>(companions);
                group.add(first);
                List<String> remaining = new ArrayList<>(rest);
                remaining.removeAll(companions);
                best = Math.min(best, cost.applyAsLong(group) + bestCost(remaining, otherSizes, cost));
            }
        }
        return best;
    }

    private static List<List<String>> combinations(List<String> from, int k) {
        List<List<String>> result = new ArrayList<>();
        if (k == 0) {
            result.add(List.of());
            return result;
        }
        for (int i = 0; i <= from.size() - k; i++) {
            for (List<String> tail : combinations(from.subList(i + 1, from.size()), k - 1)) {
                List<String> combination = new ArrayList<>();
                combination.add(from.get(i));
                combination.addAll(tail);
                result.add(combination);
            }
        }
        return result;
    }
}
