package se.kasam.survey.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import se.kasam.platform.disclosure.Derivation;
import se.kasam.platform.disclosure.Policy;
import se.kasam.platform.disclosure.Reason;
import se.kasam.survey.rules.RoundPublication.Measure;
import se.kasam.survey.rules.RoundPublication.PublishedCell;
import se.kasam.survey.rules.RoundPublication.Respondent;

class RoundPublicationTest {
    static final Policy POLICY = new Policy(4, 0, 0.05); // nothing of fewer than 5
    static final List<Measure> MEASURES = List.of(new Measure("TOTAL", 13, 91, false), new Measure("item:1", 1, 7, true));

    static Map<String, PublishedCell> byKey(List<PublishedCell> cells) {
        Map<String, PublishedCell> map = new HashMap<>();
        cells.forEach(c -> map.put(c.row() + "/" + c.group(), c));
        return map;
    }

    /**
     * TOP has two workplaces: A with 10 women 30-49, B with 3 women 30-49 and one man over 50. B is too small; A would
     * give B as TOP less A, so A is hidden too; women would give the one man as everyone less women.
     */
    @Test
    void theSmallWorkplaceAndWhatWouldGiveItAwayAreHidden() {
        Map<String, String> parents = new LinkedHashMap<>();
        parents.put("TOP", null);
        parents.put("A", "TOP");
        parents.put("B", "TOP");
        List<Demography> atoms = List.of(new Demography("A", "FEMALE", "FROM_30_TO_49"),
                new Demography("B", "FEMALE", "FROM_30_TO_49"), new Demography("B", "MALE", "FROM_50"));
        List<Respondent> respondents = new ArrayList<>();
        Random random = new Random(7);
        int[] counts = {10, 3, 1};
        for (int a = 0; a < 3; a++) {
            for (int i = 0; i < counts[a]; i++) {
                respondents.add(new Respondent(a, new Double[]{40.0 + random.nextInt(40), 1.0 + random.nextInt(7)}));
            }
        }
        Map<String, PublishedCell> cells = byKey(RoundPublication.protect(parents, atoms, MEASURES, respondents, POLICY, 10));
        assertNull(cells.get("*/ALL").reason());
        assertEquals(14, cells.get("*/ALL").respondents());
        assertEquals(14, cells.get("*/ALL").figures().get("TOTAL").n());
        assertNull(cells.get("S:TOP/ALL").reason());
        assertEquals(Reason.GROUP_TOO_SMALL, cells.get("S:B/ALL").reason());
        assertEquals(Reason.COMPLEMENTARY, cells.get("S:A/ALL").reason());
        assertEquals(Reason.GROUP_TOO_SMALL, cells.get("*/MALE").reason());
        assertEquals(Reason.COMPLEMENTARY, cells.get("*/FEMALE").reason());
        assertTrue(cells.get("S:A/ALL").figures().isEmpty(), "a hidden cell carries no figures");
        // a distribution of 14 is shown (at least 10); the mean of the total beside it
        assertEquals(14, java.util.Arrays.stream(cells.get("*/ALL").figures().get("item:1").distribution()).sum());
    }

    /**
     * Random organisations: no cell hidden for too few respondents is a linear combination of the shown cells,
     * whichever measure one looks at (all share one pattern).
     */
    static java.util.stream.LongStream seeds() {
        return java.util.stream.LongStream.rangeClosed(1, 80);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("seeds")
    void noSmallGroupFollowsFromTheShownCells(long seed) {
        Random random = new Random(seed);
        Map<String, String> parents = new LinkedHashMap<>();
        int units = 2 + random.nextInt(10);
        for (int u = 0; u < units; u++) {
            parents.put("U" + u, u == 0 ? null : "U" + random.nextInt(u));
        }
        List<Demography> atoms = new ArrayList<>();
        List<Respondent> respondents = new ArrayList<>();
        for (String unit : parents.keySet()) {
            for (String gender : List.of("FEMALE", "MALE")) {
                if (random.nextInt(3) == 0) {
                    continue;
                }
                String band = random.nextInt(4) == 0 ? null : RoundPublication.GROUPS.get(3 + random.nextInt(3));
                atoms.add(new Demography(random.nextInt(8) == 0 ? Demography.EVERYONE : unit, gender, band));
                int n = 1 + random.nextInt(9);
                for (int i = 0; i < n; i++) {
                    Double total = random.nextInt(10) == 0 ? null : 13.0 + random.nextInt(79);
                    respondents.add(new Respondent(atoms.size() - 1, new Double[]{total, 1.0 + random.nextInt(7)}));
                }
            }
        }
        atoms = dedupe(atoms, respondents);
        List<PublishedCell> published = RoundPublication.protect(parents, atoms, MEASURES, respondents, POLICY, 10);
        // each cell as its atoms, recomputed here from the same membership rules
        List<boolean[]> shown = new ArrayList<>();
        List<boolean[]> primary = new ArrayList<>();
        for (PublishedCell cell : published) {
            boolean[] in = new boolean[atoms.size()];
            for (int a = 0; a < atoms.size(); a++) {
                in[a] = member(atoms.get(a), cell.row(), cell.group(), parents);
            }
            if (cell.reason() == null) {
                shown.add(in);
            } else if (cell.reason() == Reason.GROUP_TOO_SMALL && respondentsIn(in, respondents) > 0) {
                primary.add(in);
            }
        }
        for (boolean[] target : primary) {
            assertNull(Derivation.of(shown, target), "a hidden small group follows from the shown cells");
        }
    }

    /** Two tuples drawn alike are one atom. */
    private static List<Demography> dedupe(List<Demography> atoms, List<Respondent> respondents) {
        List<Demography> distinct = new ArrayList<>();
        int[] map = new int[atoms.size()];
        for (int a = 0; a < atoms.size(); a++) {
            int i = distinct.indexOf(atoms.get(a));
            if (i < 0) {
                distinct.add(atoms.get(a));
                i = distinct.size() - 1;
            }
            map[a] = i;
        }
        respondents.replaceAll(r -> new Respondent(map[r.atom()], r.values()));
        return distinct;
    }

    private static long respondentsIn(boolean[] in, List<Respondent> respondents) {
        return respondents.stream().filter(r -> in[r.atom()]).count();
    }

    private static boolean member(Demography a, String row, String group, Map<String, String> parents) {
        boolean inRow;
        if (row.equals("*")) {
            inRow = true;
        } else if (row.startsWith("O:")) {
            inRow = a.unit().equals(row.substring(2));
        } else {
            inRow = false;
            for (String u = a.unit(); u != null; u = parents.get(u)) {
                inRow |= u.equals(row.substring(2));
            }
        }
        boolean inGroup = switch (group) {
            case "ALL" -> true;
            case "FEMALE", "MALE" -> group.equals(a.gender());
            default -> group.equals(a.band());
        };
        return inRow && inGroup;
    }
}
