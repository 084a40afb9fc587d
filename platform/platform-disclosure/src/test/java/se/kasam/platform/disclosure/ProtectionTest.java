package se.kasam.platform.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-made tables whose right pattern can be worked out on paper. */
class ProtectionTest {
    static final Policy SICK_LEAVE = new Policy(10, 2, 0.05);

    /** Persons 0..count-1 in one atom, full time, the given number of them sick at the given share. */
    static void staff(Microdata.Builder rows, int atom, int firstPerson, int count, int sick, double share) {
        for (int p = 0; p < count; p++) {
            rows.add(firstPerson + p, atom, 160, p < sick ? 160 * share : 0);
        }
    }

    @Test
    void theRemainderOfARelationIsProtectedToo() {
        // everyone (13) = age band A (11) + B (1) + C (1): showing A would give B and C together, 2 persons
        Microdata.Builder rows = Microdata.builder(3);
        staff(rows, 0, 0, 11, 4, 0.5);
        staff(rows, 1, 100, 1, 1, 0.5);
        staff(rows, 2, 200, 1, 1, 0.2);
        Pattern pattern = Protection.protect(List.of(
                new Cell(new int[]{0, 1, 2}, 13, 6), new Cell(new int[]{0}, 11, 4),
                new Cell(new int[]{1}, 1, 1), new Cell(new int[]{2}, 1, 1)), rows.build(), SICK_LEAVE);
        assertNull(pattern.reason(0));
        assertEquals(Reason.COMPLEMENTARY, pattern.reason(1));
        assertEquals(Reason.GROUP_TOO_SMALL, pattern.reason(2));
        assertEquals(Reason.GROUP_TOO_SMALL, pattern.reason(3));
        assertFalse(pattern.couldAlsoShow(1));
    }

    @Test
    void twoLargeHalvesAreShownWithTheirTotal() {
        Microdata.Builder rows = Microdata.builder(2);
        staff(rows, 0, 0, 30, 6, 0.5);
        staff(rows, 1, 100, 25, 5, 1.0);
        Pattern pattern = Protection.protect(List.of(new Cell(new int[]{0, 1}, 55, 11), new Cell(new int[]{0}, 30, 6),
                new Cell(new int[]{1}, 25, 5)), rows.build(), SICK_LEAVE);
        assertEquals(0, pattern.count(Reason.COMPLEMENTARY));
        assertTrue(pattern.shown(0) && pattern.shown(1) && pattern.shown(2));
    }

    @Test
    void aTotalOfNoSickLeaveIsHiddenWhenItWouldTellThatASmallGroupHadNone() {
        // 20 women and 4 men, nobody sick: "0 %" for everyone says the 4 men had none
        Microdata.Builder rows = Microdata.builder(2);
        staff(rows, 0, 0, 20, 0, 0);
        staff(rows, 1, 100, 4, 0, 0);
        Pattern pattern = Protection.protect(List.of(new Cell(new int[]{0, 1}, 24, 0), new Cell(new int[]{0}, 20, 0),
                new Cell(new int[]{1}, 4, 0)), rows.build(), SICK_LEAVE);
        assertEquals(Reason.COMPLEMENTARY, pattern.reason(0));
        // the 20 women's "0 %" is about no smaller group: shown
        assertNull(pattern.reason(1));
        assertEquals(Reason.GROUP_TOO_SMALL, pattern.reason(2));
    }

    @Test
    void aFigureThatOnePersonMakesUpIsNotShown() {
        Microdata.Builder rows = Microdata.builder(1);
        staff(rows, 0, 0, 40, 1, 1.0);
        Pattern pattern = Protection.protect(List.of(new Cell(new int[]{0}, 40, 1)), rows.build(), SICK_LEAVE);
        assertEquals(Reason.SINGLE_PERSON, pattern.reason(0));
    }

    @Test
    void aSmallGroupIsNotNarrowedBelowTheProtectionInterval() {
        // 12 persons, sick 2 × 2 % + 1 × 1 % of 160 h = 8 h of 1,920 h (0.42 %): the 2 of the small group would be
        // pinned to at most 8 / 320 = 2.5 %, an interval of 2.5 points
        Microdata.Builder rows = Microdata.builder(2);
        staff(rows, 0, 0, 10, 2, 0.02);
        staff(rows, 1, 100, 2, 1, 0.01);
        Pattern low = Protection.protect(List.of(new Cell(new int[]{0, 1}, 12, 3), new Cell(new int[]{1}, 2, 1)),
                rows.build(), SICK_LEAVE);
        assertEquals(Reason.COMPLEMENTARY, low.reason(0));
        // the same shape at a rate high enough that any 10 of the 12 stay at least 5 points apart
        Microdata.Builder high = Microdata.builder(2);
        staff(high, 0, 0, 10, 4, 0.5);
        staff(high, 1, 100, 2, 1, 0.5);
        assertNull(Protection.protect(List.of(new Cell(new int[]{0, 1}, 12, 5), new Cell(new int[]{1}, 2, 1)),
                high.build(), SICK_LEAVE).reason(0));
    }

    @Test
    void aPersonInSeveralAtomsIsOnePerson() {
        // the same 8 persons in two months: 16 rows but 8 persons; even told 16 heads, the regions count 8
        Microdata.Builder rows = Microdata.builder(2);
        staff(rows, 0, 0, 8, 4, 0.5);
        staff(rows, 1, 0, 8, 4, 0.5);
        Pattern pattern = Protection.protect(List.of(new Cell(new int[]{0, 1}, 16, 8)), rows.build(),
                new Policy(10, 2, 0));
        assertFalse(pattern.shown(0));
    }
}
