package se.kasam.workshops.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class HoursPublicationTest {
    private static EsfTotals.Total total(String group, int participants, int hours) {
        return new EsfTotals.Total(group, participants, BigDecimal.valueOf(hours), BigDecimal.valueOf(hours * 250L));
    }

    @Test
    void groupsOfTheMinimumAreShown() {
        var shown = HoursPublication.protect(List.of(total("ALL", 10, 30), total("FEMALE", 5, 15), total("MALE", 5, 15)), 5);
        assertEquals(List.of(10, 5, 5), shown.stream().map(HoursPublication.Hours::participants).toList());
        assertEquals(BigDecimal.valueOf(3750), shown.get(1).coFinancingSek());
    }

    @Test
    void aSmallGenderIsHiddenAndTheOtherWithItSinceAllLessOneGivesIt() {
        var shown = HoursPublication.protect(List.of(total("ALL", 12, 36), total("FEMALE", 8, 24), total("MALE", 4, 12)), 5);
        assertEquals(12, shown.get(0).participants());
        assertEquals("COMPLEMENTARY", shown.get(1).reason());
        assertNull(shown.get(1).hours());
        assertEquals("GROUP_TOO_SMALL", shown.get(2).reason());
    }

    @Test
    void nobodyIsShownAsNoughtAndAGroupMissingFromTheTotalsIsNobody() {
        var shown = HoursPublication.protect(List.of(total("ALL", 6, 18), total("FEMALE", 6, 18)), 5);
        assertEquals(0, shown.get(2).participants());
        assertNull(shown.get(2).reason());
        assertEquals(6, shown.get(1).participants());
    }

    @Test
    void bothGendersSmallLeavesTheTotalAlone() {
        var shown = HoursPublication.protect(List.of(total("ALL", 6, 18), total("FEMALE", 3, 9), total("MALE", 3, 9)), 5);
        assertNull(shown.get(0).reason());
        assertEquals("GROUP_TOO_SMALL", shown.get(1).reason());
        assertEquals("GROUP_TOO_SMALL", shown.get(2).reason());
    }
}
