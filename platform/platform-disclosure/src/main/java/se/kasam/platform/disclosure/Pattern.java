package se.kasam.platform.disclosure;

/** Which cells of a publication are shown, and why each other one is not. */
public final class Pattern {
    private final Protection protection;

    Pattern(Protection protection) {
        this.protection = protection;
    }

    public int size() {
        return protection.size();
    }

    /** null when the cell is shown. */
    public Reason reason(int cell) {
        return protection.reason(cell);
    }

    public boolean shown(int cell) {
        return protection.reason(cell) == null;
    }

    public long count(Reason reason) {
        long n = 0;
        for (int i = 0; i < size(); i++) {
            n += protection.reason(i) == reason ? 1 : 0;
        }
        return n;
    }

    /** Whether a hidden cell could be shown as well, the rest staying as they are (false for the complementary). */
    public boolean couldAlsoShow(int cell) {
        return protection.tryShow(cell, false);
    }
}
