package se.kasam.sickleave.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.kasam.sickleave.rules.Suppression.Cell;
import se.kasam.sickleave.rules.Suppression.Reason;
import se.kasam.sickleave.rules.Suppression.Relation;

/**
 * The seven statutory key figures (SKR; Lag (2018:597) om kommunal bokföring och redovisning) of one or more groups
 * of employees answered together, suppressed as one table:
 * <ul>
 * <li>TOTAL: sick hours ÷ ordinary hours of everyone;</li>
 * <li>LONG_TERM_SHARE: hours in spells of 60 consecutive days or more ÷ all sick hours;</li>
 * <li>WOMEN, MEN, AGE_29_OR_YOUNGER, AGE_30_TO_49, AGE_50_OR_OLDER: each group's sick hours ÷ its ordinary hours.</li>
 * </ul>
 * Each row of the table (a unit's subtree, its own staff) holds the seven; the rows may add up to a total row.
 */
public final class KeyFigures {
    public enum Key { TOTAL, LONG_TERM_SHARE, WOMEN, MEN, AGE_29_OR_YOUNGER, AGE_30_TO_49, AGE_50_OR_OLDER }

    /** A figure in percent, or null with the reason it is suppressed; {@code employees} is the group's head count. */
    /** percent is left out when suppressed, suppressed when not (an enum has no null in the API's schema). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Figure(Key key, int employees, Double percent, Reason suppressed) {
    }

    private static final String FEMALE = "FEMALE";
    private static final String MALE = "MALE";

    private KeyFigures() {
    }

    /** One group's figures (a response with a single row). */
    public static List<Figure> of(Map<String, GroupTotals> byGender, Suppression suppression) {
        return table(Map.of("", byGender), null, suppression).get("");
    }

    /**
     * @param rows     each row's totals by legal gender
     * @param totalRow the row that is the sum of all others, or null when the rows are independent
     * @return each row's seven figures, in the order of {@link Key}
     */
    public static Map<String, List<Figure>> table(Map<String, Map<String, GroupTotals>> rows, String totalRow,
                                                  Suppression suppression) {
        Map<String, Map<Key, GroupTotals>> groups = new LinkedHashMap<>();
        List<Cell> cells = new ArrayList<>();
        List<Relation> relations = new ArrayList<>();
        for (var row : rows.entrySet()) {
            Map<Key, GroupTotals> g = groups(row.getValue());
            groups.put(row.getKey(), g);
            for (var group : g.entrySet()) {
                if (group.getKey() != Key.LONG_TERM_SHARE) {
                    cells.add(new Cell(id(row.getKey(), group.getKey()), group.getValue().heads(), group.getValue().sickHeads()));
                }
            }
            String r = row.getKey();
            relations.add(new Relation(id(r, Key.TOTAL), List.of(id(r, Key.WOMEN), id(r, Key.MEN))));
            relations.add(new Relation(id(r, Key.TOTAL),
                    List.of(id(r, Key.AGE_29_OR_YOUNGER), id(r, Key.AGE_30_TO_49), id(r, Key.AGE_50_OR_OLDER))));
        }
        if (totalRow != null) {
            for (Key key : Key.values()) {
                if (key != Key.LONG_TERM_SHARE) {
                    relations.add(new Relation(id(totalRow, key), rows.keySet().stream()
                            .filter(r -> !r.equals(totalRow)).map(r -> id(r, key)).toList()));
                }
            }
        }
        Map<String, Reason> suppressed = suppression.apply(cells, relations);
        Map<String, List<Figure>> figures = new LinkedHashMap<>();
        groups.forEach((row, g) -> {
            List<Figure> list = new ArrayList<>();
            for (Key key : Key.values()) {
                GroupTotals t = g.get(key);
                Reason reason = key == Key.LONG_TERM_SHARE ? longTermReason(t, suppressed.get(id(row, Key.TOTAL)), suppression)
                        : suppressed.get(id(row, key));
                list.add(new Figure(key, t.heads(), reason != null ? null : percent(key, t), reason));
            }
            figures.put(row, list);
        });
        return figures;
    }

    /**
     * The long-term share is a figure of its own (its numerator is the long-term hours), shown only with the total
     * it is a share of.
     */
    private static Reason longTermReason(GroupTotals all, Reason totalReason, Suppression suppression) {
        Reason own = suppression.primary(new Cell("", all.heads(), all.longHeads())).orElse(null);
        return own != null ? own : totalReason != null ? Reason.COMPLEMENTARY : null;
    }

    private static Double percent(Key key, GroupTotals t) {
        double numerator = key == Key.LONG_TERM_SHARE ? t.longTerm() : t.sickHours();
        double denominator = key == Key.LONG_TERM_SHARE ? t.sickHours() : t.ordinaryHours();
        return denominator == 0 ? 0.0 : Math.round(numerator / denominator * 10_000) / 100.0;
    }

    /** Each figure's group, as totals: a band's totals carry the band's head counts and hours only. */
    private static Map<Key, GroupTotals> groups(Map<String, GroupTotals> byGender) {
        GroupTotals women = byGender.getOrDefault(FEMALE, GroupTotals.NONE);
        GroupTotals men = byGender.getOrDefault(MALE, GroupTotals.NONE);
        GroupTotals all = women.plus(men);
        Map<Key, GroupTotals> groups = new LinkedHashMap<>();
        groups.put(Key.TOTAL, all);
        groups.put(Key.LONG_TERM_SHARE, all);
        groups.put(Key.WOMEN, women);
        groups.put(Key.MEN, men);
        groups.put(Key.AGE_29_OR_YOUNGER, band(all, 0));
        groups.put(Key.AGE_30_TO_49, band(all, 1));
        groups.put(Key.AGE_50_OR_OLDER, band(all, 2));
        return groups;
    }

    private static GroupTotals band(GroupTotals all, int band) {
        double[] ordinary = new double[3];
        double[] sick = new double[3];
        ordinary[band] = all.ordinary()[band];
        sick[band] = all.sick()[band];
        return new GroupTotals(all.bandHeads()[band], all.bandSickHeads()[band], 0, new int[3], new int[3],
                ordinary, sick, 0);
    }

    private static String id(String row, Key key) {
        return row + "|" + key;
    }
}
