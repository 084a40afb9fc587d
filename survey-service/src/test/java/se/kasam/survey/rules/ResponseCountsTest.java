package se.kasam.survey.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.kasam.platform.disclosure.Policy;
import se.kasam.platform.disclosure.Reason;

class ResponseCountsTest {

    /** ROOT's own manager and C (3) are too small; together (4) they are ROOT less A and B, so one of those goes too. */
    @Test
    void smallCountsAndTheirComplementAreHidden() {
        Map<String, String> parents = new LinkedHashMap<>();
        parents.put("ROOT", null);
        parents.put("A", "ROOT");
        parents.put("B", "ROOT");
        parents.put("C", "ROOT");
        Map<String, long[]> counts = Map.of("ROOT", new long[]{1, 1}, "A", new long[]{12, 12}, "B", new long[]{7, 6},
                "C", new long[]{3, 3});
        Map<String, ResponseCounts.Row> rows = ResponseCounts.protect(parents, counts, new Policy(4, 5, 0.05));
        assertEquals(22L, rows.get("S:ROOT").answered());
        assertEquals(23L, rows.get("S:ROOT").invited());
        assertEquals(22L, rows.get("*").answered());
        assertEquals(Reason.GROUP_TOO_SMALL, rows.get("S:C").reason());
        assertEquals(Reason.GROUP_TOO_SMALL, rows.get("O:ROOT").reason());
        assertNull(rows.get("S:C").answered());
        assertEquals(Reason.COMPLEMENTARY, rows.get("S:B").reason());
        assertEquals(12L, rows.get("S:A").answered());
    }
}
