package se.kasam.survey.rules;

import java.time.LocalDate;

/** The age groups of the breakdowns, the statutory ones: 29 or younger, 30–49, 50 or older. */
public enum AgeBand {
    UP_TO_29, FROM_30_TO_49, FROM_50;

    /** With a birth date, the age on the day; with the birth year only, the age reached during that year. */
    public static AgeBand on(LocalDate day, int birthYear, LocalDate birthDate) {
        int age = day.getYear() - birthYear;
        if (birthDate != null && day.getDayOfYear() < birthDate.withYear(day.getYear()).getDayOfYear()) {
            age--;
        }
        return age <= 29 ? UP_TO_29 : age <= 49 ? FROM_30_TO_49 : FROM_50;
    }
}
