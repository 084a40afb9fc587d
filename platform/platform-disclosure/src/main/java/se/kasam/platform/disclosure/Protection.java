package se.kasam.platform.disclosure;

import java.util.List;

/**
 * Protects a whole publication at once: which of its cells are shown, so that no cell of at most the threshold's
 * number of persons, nor any union of cells of so few, can be worked out or narrowed to less than the protection
 * interval, from all the shown figures together with the linear relations between them (a unit
 * is the sum of its parts, a year of its months, everyone of women and men) and the bounds every rate obeys.
 *
 * <p>Primary suppression: a cell of at most {@code threshold} persons ({@link Reason#GROUP_TOO_SMALL}), or with fewer
 * than {@code minContributors} persons who contribute to it, but some ({@link Reason#SINGLE_PERSON}; a figure of
 * nothing tells what every member had, and is shown only where that protects no smaller group). Secondary suppression:
 * the other cells are shown one at a time, in the order given (so put first what matters most), each only if the
 * publication stays safe with it ({@link Regions}); the others are {@link Reason#COMPLEMENTARY}. The cells refused
 * are tried again until none more can be shown, so every complementary cell is needed: showing it alone would make
 * the publication unsafe.
 *
 * <p>The relations are never listed: the cells are sums of atoms, and whatever sums of atoms can be worked out from
 * the shown cells is covered, however the cells relate.
 */
public final class Protection {
    private Protection() {
    }

    public static Pattern protect(List<Cell> cells, Microdata data, Policy policy) {
        return protect(cells, data, policy, new boolean[cells.size()]);
    }

    /**
     * @param withheld cells not to show whatever this publication's rules say (say, because a figure they go with is
     *                 hidden): {@link Reason#COMPLEMENTARY} unless the primary rule hides them
     */
    public static Pattern protect(List<Cell> cells, Microdata data, Policy policy, boolean[] withheld) {
        if (withheld.length != cells.size()) {
            throw new IllegalArgumentException("withheld must have one entry per cell");
        }
        for (Cell cell : cells) {
            for (int atom : cell.atoms()) {
                if (atom < 0 || atom >= data.atoms()) {
                    throw new IllegalArgumentException("a cell names atom " + atom + ", not in 0.." + (data.atoms() - 1));
                }
            }
        }
        Reason[] reasons = new Reason[cells.size()];
        for (int i = 0; i < reasons.length; i++) {
            reasons[i] = primary(cells.get(i), policy);
            if (reasons[i] == null && withheld[i]) {
                reasons[i] = Reason.COMPLEMENTARY;
            }
        }
        boolean[] guarded = new boolean[data.atoms()];
        for (int i = 0; i < reasons.length; i++) {
            if (reasons[i] == Reason.GROUP_TOO_SMALL) {
                for (int atom : cells.get(i).atoms()) {
                    guarded[atom] = true;
                }
            }
        }
        Regions regions = new Regions(data, policy, guarded);
        for (int i = 0; i < reasons.length; i++) {
            if (reasons[i] == null && !regions.tryShow(cells.get(i).atoms(), true)) {
                reasons[i] = Reason.COMPLEMENTARY;
            }
        }
        // showing a cell splits regions, which can make a part that was refused before safe; until nothing changes
        for (boolean more = true; more; ) {
            more = false;
            for (int i = 0; i < reasons.length; i++) {
                if (reasons[i] == Reason.COMPLEMENTARY && !withheld[i] && regions.tryShow(cells.get(i).atoms(), true)) {
                    reasons[i] = null;
                    more = true;
                }
            }
        }
        return new Pattern(cells, reasons, regions);
    }

    /** The primary rule alone, for a figure outside the publication. */
    public static Reason primary(Cell cell, Policy policy) {
        if (cell.heads() <= policy.threshold()) {
            return Reason.GROUP_TOO_SMALL;
        }
        if (cell.contributors() > 0 && cell.contributors() < policy.minContributors()) {
            return Reason.SINGLE_PERSON;
        }
        return null;
    }
}
