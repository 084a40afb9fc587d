package se.kasam.participants;

/** Employment forms; hourly staff without a set schedule fall outside the statutory sick-leave population. */
public enum EmploymentType {
    PERMANENT, FIXED_TERM, HOURLY
}
