package se.kasam.sickleave.rules;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.kasam.sickleave.rules.MonthlyFacts.Fact;

/**
 * Rolls one year of monthly facts up into the figures kept once individual data is purged: per scope (the whole
 * municipality "*", each unit's subtree "S:code" and own staff "O:code"), legal gender and period (each month and
 * the whole year), with exact head counts, since each employee is counted once per scope and period here.
 */
public final class Archive {
    public record Key(String scope, YearMonth first, YearMonth last, String legalGender) {
    }

    private Archive() {
    }

    /**
     * @param facts     one employee's facts of the year, then the next employee's (grouped by employee)
     * @param ancestors each unit's chain upwards, the unit first
     */
    public static Map<Key, GroupTotals> rollUp(List<Fact> facts, Map<String, List<String>> ancestors) {
        Map<Key, GroupTotals> figures = new HashMap<>();
        int from = 0;
        for (int i = 1; i <= facts.size(); i++) {
            if (i == facts.size() || !facts.get(i).employeeNumber().equals(facts.get(from).employeeNumber())) {
                addEmployee(facts.subList(from, i), ancestors, figures);
                from = i;
            }
        }
        return figures;
    }

    private static void addEmployee(List<Fact> facts, Map<String, List<String>> ancestors, Map<Key, GroupTotals> figures) {
        Map<Key, double[]> hours = new HashMap<>();
        for (Fact f : facts) {
            YearMonth jan = YearMonth.of(f.month().getYear(), 1);
            List<String> scopes = new ArrayList<>();
            scopes.add("*");
            scopes.add("O:" + f.unitCode());
            ancestors.getOrDefault(f.unitCode(), List.of(f.unitCode())).forEach(u -> scopes.add("S:" + u));
            for (String scope : scopes) {
                add(hours, new Key(scope, f.month(), f.month(), f.legalGender()), f);
                add(hours, new Key(scope, jan, jan.plusMonths(11), f.legalGender()), f);
            }
        }
        hours.forEach((key, h) -> figures.merge(key, totals(h), GroupTotals::plus));
    }

    /** h: ordinary by band (0-2), sick by band (3-5), long-term (6). */
    private static void add(Map<Key, double[]> hours, Key key, Fact f) {
        double[] h = hours.computeIfAbsent(key, k -> new double[7]);
        for (int b = 0; b < 3; b++) {
            h[b] += f.ordinary()[b];
            h[3 + b] += f.sick()[b];
        }
        h[6] += f.longTerm();
    }

    private static GroupTotals totals(double[] h) {
        double sick = h[3] + h[4] + h[5];
        return new GroupTotals(1, sick > 0 ? 1 : 0, h[6] > 0 ? 1 : 0,
                new int[]{h[0] > 0 ? 1 : 0, h[1] > 0 ? 1 : 0, h[2] > 0 ? 1 : 0},
                new int[]{h[3] > 0 ? 1 : 0, h[4] > 0 ? 1 : 0, h[5] > 0 ? 1 : 0},
                new double[]{h[0], h[1], h[2]}, new double[]{h[3], h[4], h[5]}, h[6]);
    }
}
