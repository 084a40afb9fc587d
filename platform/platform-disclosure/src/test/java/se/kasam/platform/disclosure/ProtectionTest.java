package se.kasam.platform.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** The cells in order; the first is the total of the others where related. */
    static Pattern protect(Microdata data, Policy policy, boolean related, Cell... cells) {
        Publication.Builder publication = Publication.builder();
        for (Cell cell : cells) {
            publication.cell(cell);
        }
        if (related) {
            publication.relation(0, java.util.stream.IntStream.range(1, cells.length).toArray());
        }
        return Protection.protect(publication.build(), data, policy);
    }

    @Test
    void theRemainderOfARelationIsProtectedToo() {
        // everyone (13) = age band A (11) + B (1) + C (1): showing A would give B and C together, 2 persons
        Microdata.Builder rows = Microdata.builder(3);
        staff(rows, 0, 0, 11, 4, 0.5);
        staff(rows, 1, 100, 1, 1, 0.5);
        staff(rows, 2, 200, 1, 1, 0.2);
        Pattern pattern = protect(rows.build(), SICK_LEAVE, true,
                new Cell(new int[]{0, 1, 2}, 13, 6), new Cell(new int[]{0}, 11, 4),
                new Cell(new int[]{1}, 1, 1), new Cell(new int[]{2}, 1, 1));
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
        Pattern pattern = protect(rows.build(), SICK_LEAVE, true, new Cell(new int[]{0, 1}, 55, 11),
                new Cell(new int[]{0}, 30, 6), new Cell(new int[]{1}, 25, 5));
        assertEquals(0, pattern.count(Reason.COMPLEMENTARY));
        assertTrue(pattern.shown(0) && pattern.shown(1) && pattern.shown(2));
    }

    @Test
    void aTotalOfNoSickLeaveIsHiddenWhenItWouldTellThatASmallGroupHadNone() {
        // 20 women and 4 men, nobody sick: "0 %" for everyone says the 4 men had none
        Microdata.Builder rows = Microdata.builder(2);
        staff(rows, 0, 0, 20, 0, 0);
        staff(rows, 1, 100, 4, 0, 0);
        Pattern pattern = protect(rows.build(), SICK_LEAVE, true, new Cell(new int[]{0, 1}, 24, 0),
                new Cell(new int[]{0}, 20, 0), new Cell(new int[]{1}, 4, 0));
        assertEquals(Reason.COMPLEMENTARY, pattern.reason(0));
        // the 20 women's "0 %" is about no smaller group: shown
        assertNull(pattern.reason(1));
        assertEquals(Reason.GROUP_TOO_SMALL, pattern.reason(2));
    }

    @Test
    void aFigureThatOnePersonMakesUpIsNotShown() {
        Microdata.Builder rows = Microdata.builder(1);
        staff(rows, 0, 0, 40, 1, 1.0);
        Pattern pattern = protect(rows.build(), SICK_LEAVE, false, new Cell(new int[]{0}, 40, 1));
        assertEquals(Reason.SINGLE_PERSON, pattern.reason(0));
    }

    @Test
    void aSmallGroupIsNotNarrowedBelowTheProtectionInterval() {
        // 12 persons, sick 2 × 2 % + 1 × 1 % of 160 h = 8 h of 1,920 h (0.42 %): the 2 of the small group would be
        // pinned to at most 8 / 320 = 2.5 %, an interval of 2.5 points
        Microdata.Builder rows = Microdata.builder(2);
        staff(rows, 0, 0, 10, 2, 0.02);
        staff(rows, 1, 100, 2, 1, 0.01);
        Pattern low = protect(rows.build(), SICK_LEAVE, true, new Cell(new int[]{0, 1}, 12, 3),
                new Cell(new int[]{0}, 10, 2), new Cell(new int[]{1}, 2, 1));
        assertEquals(Reason.COMPLEMENTARY, low.reason(0));
        // the same shape at a rate high enough that any 10 of the 12 stay at least 5 points apart
        Microdata.Builder high = Microdata.builder(2);
        staff(high, 0, 0, 10, 4, 0.5);
        staff(high, 1, 100, 2, 1, 0.5);
        assertNull(protect(high.build(), SICK_LEAVE, true, new Cell(new int[]{0, 1}, 12, 5),
                new Cell(new int[]{0}, 10, 4), new Cell(new int[]{1}, 2, 1)).reason(0));
    }

    @Test
    void aPersonInSeveralAtomsIsOnePerson() {
        // 20 others, and the same 6 persons in two months: the two months together are 6 persons, not 12, so the
        // others' figure beside the total would give the 6 away
        Microdata.Builder rows = Microdata.builder(3);
        staff(rows, 0, 0, 20, 5, 0.5);
        staff(rows, 1, 100, 6, 2, 0.5);
        staff(rows, 2, 100, 6, 2, 0.5);
        Pattern pattern = protect(rows.build(), new Policy(10, 2, 0), true, new Cell(new int[]{0, 1, 2}, 26, 7),
                new Cell(new int[]{0}, 20, 5), new Cell(new int[]{1}, 6, 2), new Cell(new int[]{2}, 6, 2));
        assertNull(pattern.reason(0));
        assertEquals(Reason.COMPLEMENTARY, pattern.reason(1));
        assertFalse(pattern.couldAlsoShow(1));
    }

    @Test
    void aCellThatFollowsFromTheShownOnesIsShown() {
        // women 30 and men 25 shown: everyone follows, so it is shown too, whatever its place in the order
        Microdata.Builder rows = Microdata.builder(2);
        staff(rows, 0, 0, 30, 6, 0.5);
        staff(rows, 1, 100, 25, 5, 1.0);
        Publication.Builder publication = Publication.builder();
        int women = publication.cell(new Cell(new int[]{0}, 30, 6));
        int men = publication.cell(new Cell(new int[]{1}, 25, 5));
        int everyone = publication.cell(new Cell(new int[]{0, 1}, 55, 11));
        publication.relation(everyone, women, men).withhold(everyone);
        Pattern pattern = Protection.protect(publication.build(), rows.build(), SICK_LEAVE);
        assertTrue(pattern.shown(women) && pattern.shown(men));
        assertEquals(Reason.COMPLEMENTARY, pattern.reason(everyone), "withheld stays withheld");
    }
}
