package se.kasam.workshops.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import se.kasam.platform.problem.ProblemException;

/** Query parameters read as text and parsed here, so a bad one is a 400 naming it (not the framework's 404). */
final class QueryValues {
    private QueryValues() {
    }

    static LocalDate date(String field, String value) {
        return parse(field, value, LocalDate::parse, "a date, yyyy-MM-dd");
    }

    static YearMonth month(String field, String value) {
        return parse(field, value, YearMonth::parse, "a month, yyyy-MM");
    }

    static OffsetDateTime time(String field, String value) {
        return parse(field, value, OffsetDateTime::parse, "a time with its offset, e.g. 2020-03-02T08:00:00+01:00");
    }

    private static <T> T parse(String field, String value, Function<String, T> parser, String expected) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "Format", field + " must be " + expected);
        }
    }
}
