package se.kasam.platform.disclosure;

/** Why a figure is not shown. */
public enum Reason {
    /** Its group has at most the threshold's number of persons. */
    GROUP_TOO_SMALL,
    /** Fewer than the minimum number of persons contribute to it: it could be traced to one person. */
    SINGLE_PERSON,
    /** Shown, it would let a protected group's figure be worked out, or narrowed too far, from the figures shown. */
    COMPLEMENTARY,
    /**
     * Not a cell of the publication (a period or group that is not one), and it does not follow from the cells shown:
     * answering it would tell something new.
     */
    NOT_DERIVABLE
}
