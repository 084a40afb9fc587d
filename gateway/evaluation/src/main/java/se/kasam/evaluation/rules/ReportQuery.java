package se.kasam.evaluation.rules;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import se.kasam.platform.problem.ProblemException;

/**
 * What a report is asked for, checked: a unit (null: the whole municipality), the programme's three periods (each
 * first and last month, in order, at most 120 months from the first to the last) and, optionally, the two survey
 * rounds to compare.
 */
public record ReportQuery(String unit, Span before, Span during, Span after, String baseline, String followUp) {
    static final int MAX_MONTHS = 120;
    private static final Pattern ID = Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Pattern UNIT = Pattern.compile("^[A-Za-z0-9_.-]{1,64}$");

    public record Span(YearMonth from, YearMonth to) {
        /** As sickleave-service takes a named period: name:yyyy-MM/yyyy-MM. */
        public String named(String name) {
            return name + ":" + from + "/" + to;
        }
    }

    /** Each text may be null for its default (the periods' defaults are the configured ones, "yyyy-MM/yyyy-MM"). */
    public static ReportQuery of(String unit, String before, String during, String after, String baseline,
                                 String followUp, String defaultBefore, String defaultDuring, String defaultAfter) {
        if (unit != null && !UNIT.matcher(unit).matches()) {
            throw ProblemException.invalid("unit", "Pattern", "a unit code: letters, digits, '.', '_' or '-', at most 64");
        }
        Span b = span("before", before, defaultBefore);
        Span d = span("during", during, defaultDuring);
        Span a = span("after", after, defaultAfter);
        if (!b.to().isBefore(d.from()) || !d.to().isBefore(a.from())) {
            throw ProblemException.invalid("during", "Order", "the periods follow each other: before, then during, then after");
        }
        if (b.from().plusMonths(MAX_MONTHS - 1).isBefore(a.to())) {
            throw ProblemException.invalid("after", "Range", "at most " + MAX_MONTHS + " months from before's first to after's last");
        }
        if ((baseline == null) != (followUp == null)) {
            throw ProblemException.invalid(baseline == null ? "baseline" : "followUp", "NotNull",
                    "name both survey rounds, or neither for the first and the last closed round");
        }
        for (var id : List.of(new String[] {"baseline", baseline}, new String[] {"followUp", followUp})) {
            if (id[1] != null && !ID.matcher(id[1]).matches()) {
                throw ProblemException.invalid(id[0], "Pattern", "a survey round's id (a UUID)");
            }
        }
        return new ReportQuery(unit, b, d, a, baseline, followUp);
    }

    private static Span span(String field, String text, String fallback) {
        String value = text == null || text.isBlank() ? fallback : text.strip();
        String[] parts = value.split("/", -1);
        try {
            if (parts.length == 2) {
                Span span = new Span(YearMonth.parse(parts[0]), YearMonth.parse(parts[1]));
                if (!span.to().isBefore(span.from())) {
                    return span;
                }
            }
        } catch (DateTimeParseException e) {
            // the message below says what is expected
        }
        throw ProblemException.invalid(field, "Format", field + " must be first and last month, yyyy-MM/yyyy-MM, in order");
    }
}
