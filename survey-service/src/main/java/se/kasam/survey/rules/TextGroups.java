package se.kasam.survey.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which group each stored unit's free texts are shown in: bottom-up through the tree, a unit whose own respondents
 * and those its children passed up reach the free-text threshold is a group, else they pass up; above the top what
 * is left is a group of its own if it reaches the threshold, else hidden. A unit's subtree shows the texts of the
 * groups inside it, so comparing any two subtrees' texts tells only whole groups apart, each of the threshold or more.
 */
public final class TextGroups {
    private TextGroups() {
    }

    /**
     * @param parents     the round's units and their parents (null at the top)
     * @param respondents the round's respondents by stored unit ({@value Demography#EVERYONE} for the whole round)
     * @return the group of each stored unit; null where its texts are not shown
     */
    public static Map<String, String> groups(Map<String, String> parents, Map<String, Long> respondents, int threshold) {
        Map<String, List<String>> children = new HashMap<>();
        parents.forEach((u, p) -> children.computeIfAbsent(p == null ? Demography.EVERYONE : p, k -> new ArrayList<>()).add(u));
        Map<String, String> groupOf = new HashMap<>();
        List<String> left = new ArrayList<>();
        long count = passUp(Demography.EVERYONE, children, respondents, threshold, groupOf, left);
        String top = count >= threshold ? Demography.EVERYONE : null;
        left.forEach(u -> groupOf.put(u, top));
        return groupOf;
    }

    private static long passUp(String unit, Map<String, List<String>> children, Map<String, Long> respondents, int threshold,
                               Map<String, String> groupOf, List<String> pending) {
        long count = respondents.getOrDefault(unit, 0L);
        List<String> mine = new ArrayList<>(List.of(unit));
        for (String child : children.getOrDefault(unit, List.of())) {
            count += passUp(child, children, respondents, threshold, groupOf, mine);
        }
        if (!unit.equals(Demography.EVERYONE) && count >= threshold) {
            mine.forEach(u -> groupOf.put(u, unit));
            return 0;
        }
        pending.addAll(mine);
        return count;
    }
}
