package se.kasam.sickleave.rules;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The time cells of a year's publication: the year, its twelve months and four quarters — what the statutory annual
 * report, the monthly series and quarterly follow-up ask for. Programme periods and other spans are not cells: they
 * cross years (so as cells they would tie every year's pattern into one), and are answered from these when they
 * follow from the cells shown.
 *
 * @param code "Y", "M01".."M12" or "Q1".."Q4"
 */
public record TimeCell(String code, int firstMonth, int lastMonth) {
    public static final TimeCell YEAR = new TimeCell("Y", 1, 12);

    /** In the order they are protected: what matters most first, so it is what is shown when not all can be. */
    public static final List<TimeCell> ALL = all();

    private static List<TimeCell> all() {
        List<TimeCell> cells = new ArrayList<>();
        cells.add(YEAR);
        for (int m = 1; m <= 12; m++) {
            cells.add(new TimeCell("M%02d".formatted(m), m, m));
        }
        for (int q = 1; q <= 4; q++) {
            cells.add(new TimeCell("Q" + q, 3 * q - 2, 3 * q));
        }
        return List.copyOf(cells);
    }

    /** The cell that is exactly from..to, if there is one. */
    public static TimeCell of(YearMonth from, YearMonth to) {
        if (from.getYear() != to.getYear()) {
            return null;
        }
        return ALL.stream().filter(c -> c.firstMonth == from.getMonthValue() && c.lastMonth == to.getMonthValue())
                .findFirst().orElse(null);
    }

    public static TimeCell month(int month) {
        return ALL.get(month);
    }

    public boolean holds(int month) {
        return month >= firstMonth && month <= lastMonth;
    }
}
