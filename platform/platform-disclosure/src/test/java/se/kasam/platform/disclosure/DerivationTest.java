package se.kasam.platform.disclosure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class DerivationTest {
    static boolean[] months(int... ms) {
        boolean[] set = new boolean[12];
        for (int m : ms) {
            set[m - 1] = true;
        }
        return set;
    }

    static final boolean[] YEAR = months(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);

    @Test
    void aSumOfShownCells() {
        assertArrayEquals(new double[]{1, 1, 0}, Derivation.of(List.of(months(1, 2, 3), months(4, 5, 6), months(7)),
                months(1, 2, 3, 4, 5, 6)), 1e-12);
    }

    @Test
    void aYearLessAMonth() {
        assertArrayEquals(new double[]{1, -1}, Derivation.of(List.of(YEAR, months(1)),
                months(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)), 1e-12);
    }

    @Test
    void nothingThatNeedsAHiddenMonth() {
        // with January hidden, January-February cannot be had from the year, February and the first quarter alone
        assertNull(Derivation.of(List.of(YEAR, months(2), months(1, 2, 3)), months(1, 2)));
        assertNull(Derivation.of(List.of(), months(5)));
    }
}
