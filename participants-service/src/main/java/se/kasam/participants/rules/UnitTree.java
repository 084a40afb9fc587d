package se.kasam.participants.rules;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.kasam.platform.problem.Problem.Violation;

/** The organisation as a tree: every parent must exist, and no unit may end up below itself. */
public final class UnitTree {
    private UnitTree() {
    }

    /**
     * @param parentOf every unit's parent code (null for a root), as it would be after the change
     * @param code     the unit to check
     * @return what is wrong with the unit's place in the tree, if anything
     */
    public static Optional<Violation> checkPlace(Map<String, String> parentOf, String code) {
        Set<String> seen = new HashSet<>();
        seen.add(code);
        String parent = parentOf.get(code);
        while (parent != null) {
            if (!seen.add(parent)) {
                return Optional.of(new Violation("parentCode", "NoCycle", "unit " + code + " cannot be placed below itself"));
            }
            if (!parentOf.containsKey(parent)) {
                return Optional.of(new Violation("parentCode", "UnitExists", "no unit with code " + parent));
            }
            parent = parentOf.get(parent);
        }
        return Optional.empty();
    }
}
