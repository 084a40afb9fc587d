package se.kasam.platform.privacy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.kasam.platform.problem.Problem.Violation;

/**
 * Recognises values that look like a Swedish personnummer or samordningsnummer (YYMMDD-NNNN, YYYYMMDDNNNN,
 * with or without '-' or '+', day + 60 for samordningsnummer) with a valid date and Luhn check digit. Kasam never
 * stores one, so HR data carrying one in any field is refused.
 */
public final class PersonnummerGuard {
    private static final Pattern SHAPE = Pattern.compile("(\\d{2})?(\\d{2})(\\d{2})(\\d{2})[-+]?(\\d{3})(\\d)");

    private PersonnummerGuard() {
    }

    /** Adds a violation (rule NoPersonnummer) when {@code value} looks like a personnummer. */
    public static void check(List<Violation> errors, String field, String value) {
        if (looksLikePersonnummer(value)) {
            errors.add(new Violation(field, "NoPersonnummer",
                    "looks like a personnummer; Kasam never stores one: send the employee number"));
        }
    }

    public static boolean looksLikePersonnummer(String value) {
        if (value == null) {
            return false;
        }
        String compact = value.strip().replace(" ", "");
        Matcher m = SHAPE.matcher(compact);
        if (!m.matches()) {
            return false;
        }
        int month = Integer.parseInt(m.group(3));
        int day = Integer.parseInt(m.group(4));
        if (day > 60) {
            day -= 60;
        }
        int year = m.group(1) == null ? 2000 + Integer.parseInt(m.group(2))
                : Integer.parseInt(m.group(1) + m.group(2));
        if (!validDate(year, month, day) && !validDate(year - 100, month, day)) {
            return false;
        }
        String tenDigits = m.group(2) + m.group(3) + m.group(4) + m.group(5) + m.group(6);
        return luhnValid(tenDigits);
    }

    private static boolean validDate(int year, int month, int day) {
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    static boolean luhnValid(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
