package se.kasam.workshops.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressBreakdownTest {
    private static Map<String, String> tree(String... unitAndParent) {
        Map<String, String> tree = new HashMap<>();
        for (int i = 0; i < unitAndParent.length; i += 2) {
            tree.put(unitAndParent[i], unitAndParent[i + 1]);
        }
        return tree;
    }

    @Test
    void theMunicipalityThatIsOneRootUnitIsBrokenDownByThatUnitsChildren() {
        var tree = tree("KOMMUN", null, "SOC", "KOMMUN", "BUF", "KOMMUN", "SOC-1", "SOC");
        assertEquals(List.of("BUF", "SOC"), ProgressBreakdown.below(tree, null));
        assertEquals(List.of("SOC-1"), ProgressBreakdown.below(tree, "SOC"));
        assertEquals(List.of(), ProgressBreakdown.below(tree, "SOC-1"));
    }

    @Test
    void severalRootsAreTheTopUnitsAndAParentOutsideTheTreeMakesARoot() {
        var tree = tree("A", null, "B", "GONE", "A-1", "A");
        assertEquals(List.of("A", "B"), ProgressBreakdown.below(tree, null));
    }
}
