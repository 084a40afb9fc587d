package se.kasam.sickleave.rules;

import java.time.LocalDate;

/** The statutory age groups: 29 or younger, 30–49, 50 or older, by the age on the day the hours fall. */
public enum AgeBand {
    UP_TO_29, FROM_30_TO_49, FROM_50;

    /**
     * With a birth date, the age on that day; with the birth year only, the age reached during that calendar year
     * (what a birth year can tell, and the convention of SCB's register statistics).
     */
    public static AgeBand on(LocalDate day, int birthYear, LocalDate birthDate) {
        int age = day.getYear() - birthYear;
        if (birthDate != null && day.getDayOfYear() < birthDate.withYear(day.getYear()).getDayOfYear()) {
            age--;
        }
        return age <= 29 ? UP_TO_29 : age <= 49 ? FROM_30_TO_49 : FROM_50;
    }
}
