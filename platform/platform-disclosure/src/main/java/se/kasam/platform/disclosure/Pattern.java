package se.kasam.platform.disclosure;

import java.util.Arrays;
import java.util.List;

/** Which cells of a publication are shown, and why each other one is not. */
public final class Pattern {
    private final List<Cell> cells;
    private final Reason[] reasons;
    private final Regions regions;

    Pattern(List<Cell> cells, Reason[] reasons, Regions regions) {
        this.cells = List.copyOf(cells);
        this.reasons = reasons.clone();
        this.regions = regions;
    }

    public int size() {
        return reasons.length;
    }

    /** null when the cell is shown. */
    public Reason reason(int cell) {
        return reasons[cell];
    }

    public boolean shown(int cell) {
        return reasons[cell] == null;
    }

    public long count(Reason reason) {
        return Arrays.stream(reasons).filter(r -> r == reason).count();
    }

    /** Whether a hidden cell could be shown as well, the rest staying as they are (false for the complementary). */
    public boolean couldAlsoShow(int cell) {
        return regions.tryShow(cells.get(cell).atoms(), false);
    }
}
