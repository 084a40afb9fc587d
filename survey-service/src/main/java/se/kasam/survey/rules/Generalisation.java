package se.kasam.survey.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How each invitee's demographics are stored with their response, so that at least {@code k} of the round's
 * invitees share every stored tuple, counted the strict way: the invitees whose own tuple is stored as it. The
 * mapping is worked out from the invitation list alone (respondents cannot tell it), bottom-up through the unit tree:
 * a unit keeps the (gender, age band) groups of its own staff and of what its children passed up that reach k, and
 * passes the rest to its parent; above the top, age is dropped for what is left, then gender. A remainder smaller
 * than k at the very end joins the smallest group formed, which is then stored with neither age nor gender.
 */
public final class Generalisation {
    private Generalisation() {
    }

    /**
     * @param parents  each unit of the round and its parent (null for a top unit of the round)
     * @param invitees how many invitees have each demographic tuple (unit, gender, band: none null)
     * @return the tuple stored for each invitee tuple; its unit {@value Demography#EVERYONE} where a round of several
     *         top units has to go above them
     */
    public static Map<Demography, Demography> classes(Map<String, String> parents, Map<Demography, Integer> invitees, int k) {
        Map<String, List<String>> children = new HashMap<>();
        parents.forEach((unit, parent) -> children.computeIfAbsent(parent == null ? Demography.EVERYONE : parent,
                p -> new ArrayList<>()).add(unit));
        children.values().forEach(list -> list.sort(Comparator.naturalOrder()));
        Map<String, List<Demography>> ownTuples = new HashMap<>();
        invitees.keySet().stream().sorted(Comparator.comparing(Demography::toString))
                .forEach(d -> ownTuples.computeIfAbsent(d.unit(), u -> new ArrayList<>()).add(d));
        Map<Demography, Demography> classOf = new LinkedHashMap<>();
        List<Group> formed = new ArrayList<>();
        List<Demography> left = passUp(Demography.EVERYONE, children, ownTuples, invitees, k, classOf, formed);
        // above the top: drop age, then gender; a round of one top unit keeps that unit (it is the whole round)
        List<String> tops = children.getOrDefault(Demography.EVERYONE, List.of());
        String top = tops.size() == 1 ? tops.get(0) : Demography.EVERYONE;
        left = form(left, invitees, k, d -> new Demography(top, d.gender(), null), classOf, formed);
        left = form(left, invitees, k, d -> new Demography(top, null, null), classOf, formed);
        if (!left.isEmpty()) {
            Demography everyone = new Demography(top, null, null);
            formed.stream().min(Comparator.comparingInt(g -> g.size)).ifPresent(smallest ->
                    smallest.members.forEach(m -> classOf.put(m, everyone)));
            left.forEach(m -> classOf.put(m, everyone));
        }
        return classOf;
    }

    private record Group(List<Demography> members, int size) {
    }

    /** The invitee tuples of a unit's subtree that no unit in it could keep. */
    private static List<Demography> passUp(String unit, Map<String, List<String>> children,
                                           Map<String, List<Demography>> ownTuples, Map<Demography, Integer> invitees,
                                           int k, Map<Demography, Demography> classOf, List<Group> formed) {
        List<Demography> pending = new ArrayList<>();
        for (String child : children.getOrDefault(unit, List.of())) {
            pending.addAll(passUp(child, children, ownTuples, invitees, k, classOf, formed));
        }
        pending.addAll(ownTuples.getOrDefault(unit, List.of()));
        return form(pending, invitees, k, d -> new Demography(unit, d.gender(), d.band()), classOf, formed);
    }

    /** Groups the pending tuples by what they would be stored as; keeps the groups of at least k, returns the rest. */
    private static List<Demography> form(List<Demography> pending, Map<Demography, Integer> invitees, int k,
                                         java.util.function.Function<Demography, Demography> as,
                                         Map<Demography, Demography> classOf, List<Group> formed) {
        Map<Demography, List<Demography>> groups = new LinkedHashMap<>();
        pending.forEach(d -> groups.computeIfAbsent(as.apply(d), g -> new ArrayList<>()).add(d));
        List<Demography> rest = new ArrayList<>();
        groups.forEach((stored, members) -> {
            int size = members.stream().mapToInt(m -> Objects.requireNonNull(invitees.get(m))).sum();
            if (size >= k) {
                members.forEach(m -> classOf.put(m, stored));
                formed.add(new Group(members, size));
            } else {
                rest.addAll(members);
            }
        });
        return rest;
    }
}
