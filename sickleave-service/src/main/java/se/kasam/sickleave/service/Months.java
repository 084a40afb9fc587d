package se.kasam.sickleave.service;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.kasam.platform.problem.ProblemException;

/** The statistics' periods as the API takes them: months as yyyy-MM, by default the last full calendar year. */
final class Months {
    private Months() {
    }

    /** The period's first month; by default January of last year. */
    static YearMonth first(String value, Clock clock) {
        return parse("from", value, YearMonth.of(YearMonth.now(clock).getYear() - 1, 1));
    }

    /** The period's last month; by default December of last year. */
    static YearMonth last(String value, Clock clock) {
        return parse("to", value, YearMonth.of(YearMonth.now(clock).getYear() - 1, 12));
    }

    /** name:yyyy-MM/yyyy-MM, repeated, to name to months, in the order asked. */
    static Map<String, String> named(List<String> periods) {
        Map<String, String> asked = new LinkedHashMap<>();
        for (String period : periods) {
            int colon = period.indexOf(':');
            if (colon < 1) {
                throw ProblemException.invalid("period", "Format", "a period is name:yyyy-MM/yyyy-MM, not '" + period + "'");
            }
            asked.put(period.substring(0, colon), period.substring(colon + 1));
        }
        return asked;
    }

    private static YearMonth parse(String field, String value, YearMonth fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "Format", "a month as yyyy-MM, not '" + value + "'");
        }
    }
}
