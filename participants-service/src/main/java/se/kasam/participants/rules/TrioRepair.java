package se.kasam.participants.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import se.kasam.participants.rules.TrioForming.Pair;

/**
 * Repairs the groups of one pool when a member leaves. A group left with three or more is fine. A pair takes a
 * member from a group of four in the same pool, or else merges with another pair into a four; with neither it stays
 * a pair. A member left alone joins a pair (making three) or else a three (making four). Among the candidates the
 * one with the fewest manager-and-report pairs and repeated pairs wins, then the lowest group id, so the repair is
 * repeatable.
 */
public final class TrioRepair {
    private TrioRepair() {
    }

    /**
     * @param groups the pool's groups by id (members), the leaver's group included
     * @return the groups after the repair by id, only those that changed; a dissolved group maps to an empty list
     */
    public static Map<Long, List<String>> afterLeave(Map<Long, List<String>> groups, long groupId, String leaver,
                                                     Map<String, Set<String>> reportsTo, Set<Pair> earlierPairs) {
        Map<Long, List<String>> changed = new TreeMap<>();
        List<String> own = new ArrayList<>(groups.get(groupId));
        own.remove(leaver);
        changed.put(groupId, own);
        if (own.size() == 2) {
            Optional<Map.Entry<Long, String>> fromFour = groups.entrySet().stream()
                    .filter(g -> g.getKey() != groupId && g.getValue().size() == 4)
                    .flatMap(g -> g.getValue().stream().map(m -> Map.entry(g.getKey(), m)))
                    .min(Comparator.<Map.Entry<Long, String>>comparingInt(c -> cost(with(own, c.getValue()), reportsTo, earlierPairs))
                            .thenComparing(Map.Entry::getKey).thenComparing(Map.Entry::getValue));
            if (fromFour.isPresent()) {
                List<String> four = new ArrayList<>(groups.get(fromFour.get().getKey()));
                four.remove(fromFour.get().getValue());
                own.add(fromFour.get().getValue());
                changed.put(fromFour.get().getKey(), four);
            } else {
                best(groups, groupId, own, 2, reportsTo, earlierPairs).ifPresent(pair -> {
                    own.addAll(groups.get(pair));
                    changed.put(pair, List.of());
                });
            }
        } else if (own.size() == 1) {
            Optional<Long> target = best(groups, groupId, own, 2, reportsTo, earlierPairs)
                    .or(() -> best(groups, groupId, own, 3, reportsTo, earlierPairs));
            target.ifPresent(t -> {
                changed.put(t, with(groups.get(t), own.get(0)));
                changed.put(groupId, List.of());
            });
        }
        changed.replaceAll((id, members) -> members.stream().sorted().toList());
        return changed;
    }

    /** The group of the given size that the members fit best into. */
    private static Optional<Long> best(Map<Long, List<String>> groups, long groupId, List<String> members, int size,
                                       Map<String, Set<String>> reportsTo, Set<Pair> earlierPairs) {
        return groups.entrySet().stream()
                .filter(g -> g.getKey() != groupId && g.getValue().size() == size)
                .min(Comparator.<Map.Entry<Long, List<String>>>comparingInt(g -> {
                            List<String> merged = new ArrayList<>(g.getValue());
                            merged.addAll(members);
                            return cost(merged, reportsTo, earlierPairs);
                        }).thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey);
    }

    private static List<String> with(List<String> group, String member) {
        List<String> result = new ArrayList<>(group);
        result.add(member);
        return result;
    }

    private static int cost(List<String> group, Map<String, Set<String>> reportsTo, Set<Pair> earlierPairs) {
        return TrioForming.cost(group, reportsTo, earlierPairs);
    }
}
