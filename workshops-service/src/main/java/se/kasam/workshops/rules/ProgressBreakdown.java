package se.kasam.workshops.rules;

import java.util.List;
import java.util.Map;

/** Which units a unit's progress is broken down by. */
public final class ProgressBreakdown {
    private ProgressBreakdown() {
    }

    /**
     * The units right below a unit; below the whole municipality its top units, or, when one root unit is the
     * municipality itself, that unit's children (a breakdown of one row would only repeat the total).
     *
     * @param tree each unit's parent (null, or one outside the tree, for a root)
     */
    public static List<String> below(Map<String, String> tree, String unitCode) {
        if (unitCode == null) {
            List<String> roots = tree.entrySet().stream().filter(u -> u.getValue() == null || !tree.containsKey(u.getValue()))
                    .map(Map.Entry::getKey).sorted().toList();
            return roots.size() == 1 ? below(tree, roots.getFirst()) : roots;
        }
        return tree.entrySet().stream().filter(u -> unitCode.equals(u.getValue())).map(Map.Entry::getKey).sorted().toList();
    }
}
