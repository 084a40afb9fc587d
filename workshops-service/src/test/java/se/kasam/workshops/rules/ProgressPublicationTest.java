package se.kasam.workshops.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.kasam.platform.disclosure.Policy;
import se.kasam.platform.disclosure.Reason;

class ProgressPublicationTest {
    private static final Policy FIVE = new Policy(4, 0, 0.05);

    private static void add(List<ProgressPublication.Person> people, String unit, String gender, int... done) {
        for (int d : done) {
            people.add(new ProgressPublication.Person(unit, gender, d));
        }
    }

    @Test
    void countsPerModulesDoneByGroupAddUpToTheStaff() {
        Map<String, String> parents = new HashMap<>();
        parents.put("T", null);
        parents.put("A", "T");
        parents.put("B", "T");
        List<ProgressPublication.Person> people = new ArrayList<>();
        add(people, "A", "FEMALE", 3, 3, 3, 3, 3, 2, 2, 1, 0, 3, 3, 2);
        add(people, "A", "MALE", 3, 3, 1, 0, 0, 2, 3, 1);
        add(people, "B", "FEMALE", 3, 3, 3, 3, 2, 1);
        add(people, "B", "MALE", 3, 0, 1, 2, 3, 3);

        var figures = ProgressPublication.protect(parents, people, 3, FIVE);

        ProgressPublication.Figures all = figures.get("*").get("ALL");
        assertNull(all.reason());
        assertEquals(32, all.staff());
        assertArrayEquals(new int[] {4, 5, 6, 17}, all.counts());
        assertArrayEquals(new int[] {1, 1, 3, 7}, figures.get("S:A").get("FEMALE").counts());
        assertEquals(8, figures.get("S:A").get("MALE").staff());
    }

    @Test
    void aSmallGroupIsHiddenAndSoIsWhatWouldGiveItAway() {
        Map<String, String> parents = new HashMap<>();
        parents.put("T", null);
        parents.put("A", "T");
        parents.put("B", "T");
        List<ProgressPublication.Person> people = new ArrayList<>();
        add(people, "A", "FEMALE", 3, 3, 3, 3, 3, 2, 2, 1, 0, 3, 3, 2);
        add(people, "A", "MALE", 3, 3, 1, 0, 0, 2, 3, 1);
        add(people, "B", "FEMALE", 3, 3, 0);

        var figures = ProgressPublication.protect(parents, people, 3, FIVE);

        assertEquals(Reason.GROUP_TOO_SMALL, figures.get("S:B").get("ALL").reason());
        assertEquals(Reason.GROUP_TOO_SMALL, figures.get("S:B").get("FEMALE").reason());
        // B is T's part besides A (T has no staff of its own): T and A may not both be shown, for all and for women
        for (String group : List.of("ALL", "FEMALE")) {
            assertFalse(figures.get("S:T").get(group).reason() == null && figures.get("S:A").get(group).reason() == null,
                    group + ": T minus A would give B");
            assertFalse(figures.get("*").get(group).reason() == null && figures.get("S:A").get(group).reason() == null,
                    group + ": everyone minus A would give B");
        }
    }
}
