package se.kasam.workshops.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Totals of a month's participant hours, by legal gender and for all (ESF reports women and men taking part). */
public final class EsfTotals {
    /** One row's part in the totals. */
    public record Line(String employeeNumber, String legalGender, BigDecimal hours, BigDecimal value) {
    }

    /** @param legalGender FEMALE, MALE, or ALL for everyone */
    public record Total(String legalGender, int participants, BigDecimal hours, BigDecimal coFinancingSek) {
    }

    private EsfTotals() {
    }

    /** ALL first, then each gender in its order of first appearance sorted by name; a participant has hours > 0. */
    public static List<Total> of(List<Line> lines) {
        Map<String, List<Line>> byGender = new LinkedHashMap<>();
        byGender.put("ALL", lines);
        lines.stream().map(Line::legalGender).distinct().sorted()
                .forEach(g -> byGender.put(g, lines.stream().filter(l -> l.legalGender().equals(g)).toList()));
        List<Total> totals = new ArrayList<>();
        byGender.forEach((gender, part) -> {
            Map<String, BigDecimal> perPerson = new LinkedHashMap<>();
            part.forEach(l -> perPerson.merge(l.employeeNumber(), l.hours(), BigDecimal::add));
            Set<String> participants = new HashSet<>();
            perPerson.forEach((person, hours) -> {
                if (hours.signum() > 0) {
                    participants.add(person);
                }
            });
            totals.add(new Total(gender, participants.size(),
                    part.stream().map(Line::hours).reduce(BigDecimal.ZERO, BigDecimal::add),
                    part.stream().map(Line::value).reduce(BigDecimal.ZERO, BigDecimal::add)));
        });
        return totals;
    }
}
