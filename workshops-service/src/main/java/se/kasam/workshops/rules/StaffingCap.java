package se.kasam.workshops.rules;

/**
 * How many of a workplace's staff may be away at sessions that overlap in time: a care unit can't empty a ward. At
 * least one may always go, or a small unit could never attend at all.
 */
public record StaffingCap(int staff, int percent) {
    public StaffingCap {
        if (staff < 0 || percent < 1 || percent > 100) {
            throw new IllegalArgumentException("staff " + staff + ", percent " + percent);
        }
    }

    public int limit() {
        return Math.max(1, staff * percent / 100);
    }

    /** @return whether {@code more} can be booked when {@code away} already are */
    public boolean allows(int away, int more) {
        return away + more <= limit();
    }
}
