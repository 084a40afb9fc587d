package se.kasam.sickleave;

/** The kinds of absence HR sends; only sick leave counts in the statistics and signals, the rest is kept as sent. */
public enum AbsenceKind {
    SICK_LEAVE, CARE_OF_CHILD, PARENTAL_LEAVE, LEAVE_OF_ABSENCE, OTHER
}
