package se.kasam.sickleave;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.junit.jupiter.api.Test;
import se.kasam.platform.security.Roles;
import se.kasam.testing.TestTokens;

/**
 * The differencing attacks of issue 10, through the API against real PostgreSQL, at the statute's protection interval
 * of 5 points: a random organisation with small workplaces (a third of 1 to 10 employees, the others 8 to 27;
 * managers alone above them) and a
 * municipality's sick leave (most employees a few short spells, some long ones), asked every figure the statistics
 * endpoints give for 2025 — every unit's subtree for the year, each quarter and month; the breakdown of every unit
 * with units below it (its own staff beside its children); the monthly series; periods that are no time cell
 * (February–December, April–September, January–June); and the programme comparison with two overlapping periods.
 *
 * <p>The attacker then knows every figure shown, and, as the employee list tells a project lead, every group's
 * ordinary hours (here exactly, from the facts, to the attacker's advantage; and the exact sick hours behind each
 * rounded rate). With those it works out (Gaussian elimination) and bounds (linear programming, with every group's
 * sick hours between none and all of its hours) each small group: every unit's own staff and subtree, in every time
 * cell, in every group (everyone, women, men, each age band) of 1 to 10 employees, and each relation's hidden parts
 * together. None may be shown, follow from the answers, or be narrowed to less than 5 points.
 */
@QuarkusTest
@TestProfile(DisclosureAttackTest.StatuteInterval.class)
class DisclosureAttackTest {
    static final String HR = TestTokens.of("hr-system", Roles.HR_INTEGRATION);
    static final String EVALUATOR = TestTokens.of("eva", Roles.EVALUATOR);
    static final double INTERVAL = 0.05;
    static final int THRESHOLD = 10;
    static final String[] KEYS = {"TOTAL", "WOMEN", "MEN", "AGE_29_OR_YOUNGER", "AGE_30_TO_49", "AGE_50_OR_OLDER"};

    /** The statute's interval, not the hand-computed fixtures' half point. */
    public static class StatuteInterval implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kasam.sickleave.protection-interval", String.valueOf(INTERVAL));
        }
    }

    @Inject
    EntityManager em;

    @Inject
    se.kasam.sickleave.service.PublicationService publication;

    final Map<String, String> parent = new LinkedHashMap<>();
    final Map<String, List<String>> children = new HashMap<>();

    /** A figure as the attacker reads it: which atoms it sums over, and whether it was shown. */
    record Answer(String what, BitSet atoms, boolean shown, Double percent) {
    }

    /** The facts of 2025 by atom: a unit's own staff, a month, a gender, an age band. */
    final class Atoms {
        final List<String> units;
        final double[] ordinary;
        final double[] sick;
        final List<Set<String>> employees = new ArrayList<>();

        Atoms(List<String> units) {
            this.units = units;
            int n = units.size() * 72;
            ordinary = new double[n];
            sick = new double[n];
            for (int i = 0; i < n; i++) {
                employees.add(new HashSet<>());
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                    select employee_number, extract(month from month)::int, unit_code, legal_gender,
                           ordinary_0, ordinary_1, ordinary_2, sick_0, sick_1, sick_2
                    from employee_month where month between '2025-01-01' and '2025-12-01' and unit_code like 'DA%'""")
                    .getResultList());
            for (Object[] r : rows) {
                int u = units.indexOf((String) r[2]);
                int g = "FEMALE".equals(r[3]) ? 0 : 1;
                for (int b = 0; b < 3; b++) {
                    double o = ((Number) r[4 + b]).doubleValue();
                    if (o > 0) {
                        int a = atom(u, ((Number) r[1]).intValue(), g, b);
                        ordinary[a] += o;
                        sick[a] += ((Number) r[7 + b]).doubleValue();
                        employees.get(a).add((String) r[0]);
                    }
                }
            }
        }

        int atom(int unit, int month, int gender, int band) {
            return unit * 72 + (month - 1) * 6 + gender * 3 + band;
        }

        /** The atoms of a unit row (subtree or own staff), months and group. */
        BitSet of(String row, int firstMonth, int lastMonth, String key) {
            List<String> rowUnits = row.startsWith("O:") ? List.of(row.substring(2)) : subtree(row.substring(2));
            BitSet atoms = new BitSet();
            for (String unit : rowUnits) {
                for (int m = firstMonth; m <= lastMonth; m++) {
                    for (int g = 0; g < 2; g++) {
                        for (int b = 0; b < 3; b++) {
                            boolean in = switch (key) {
                                case "WOMEN" -> g == 0;
                                case "MEN" -> g == 1;
                                case "AGE_29_OR_YOUNGER" -> b == 0;
                                case "AGE_30_TO_49" -> b == 1;
                                case "AGE_50_OR_OLDER" -> b == 2;
                                default -> true;
                            };
                            int a = atom(units.indexOf(unit), m, g, b);
                            if (in && ordinary[a] > 0) {
                                atoms.set(a);
                            }
                        }
                    }
                }
            }
            return atoms;
        }

        int heads(BitSet atoms) {
            Set<String> in = new HashSet<>();
            atoms.stream().forEach(a -> in.addAll(employees.get(a)));
            return in.size();
        }

        double sum(double[] values, BitSet atoms) {
            return atoms.stream().mapToDouble(a -> values[a]).sum();
        }
    }

    List<String> subtree(String unit) {
        List<String> all = new ArrayList<>(List.of(unit));
        children.getOrDefault(unit, List.of()).forEach(c -> all.addAll(subtree(c)));
        return all;
    }

    @Test
    void noSmallGroupFollowsFromAnySetOfAnswers() {
        organisation(new Random(20251));
        publication.refreshNow(Duration.ofSeconds(120));
        Atoms atoms = new Atoms(new ArrayList<>(parent.keySet()));
        List<Answer> answers = ask(atoms);
        long shown = answers.stream().filter(Answer::shown).count();
        assertTrue(shown > 100, "the organisation's larger groups are shown: " + shown + " of " + answers.size());

        // what is shown is exactly the facts' figure
        for (Answer answer : answers) {
            if (answer.shown()) {
                double expected = Math.round(atoms.sum(atoms.sick, answer.atoms()) / atoms.sum(atoms.ordinary, answer.atoms())
                        * 10_000) / 100.0;
                assertEquals(expected, answer.percent(), 1e-4, answer.what()); // read back as a float
            }
        }
        List<BitSet> known = answers.stream().filter(Answer::shown).map(Answer::atoms).distinct().toList();
        Elimination span = new Elimination(known, atoms.ordinary.length);
        List<Target> targets = targets(atoms, answers);
        int bounded = 0;
        for (Target target : targets) {
            assertTrue(!span.determines(target.atoms()), target.what() + ", " + target.heads()
                    + " employees, follows from the answers");
        }
        // the linear programs are slower: every hidden part of a relation and a seeded sample of the other targets
        Random sample = new Random(7);
        for (Target target : targets) {
            if (!target.remainder() && sample.nextInt(4) != 0) {
                continue;
            }
            double[] b = bounds(atoms, known, target.atoms());
            double weight = atoms.sum(atoms.ordinary, target.atoms());
            assertTrue(b[1] - b[0] >= INTERVAL * weight - 1e-6 * weight, target.what() + ", " + target.heads()
                    + " employees, narrowed to " + b[0] / weight * 100 + ".." + b[1] / weight * 100 + " %");
            bounded++;
        }
        System.out.printf("disclosure attack: %d answers, %d figures shown, %d small groups attacked, %d bounded%n",
                answers.size(), shown, targets.size(), bounded);
        assertTrue(bounded > 30, "enough targets were bounded: " + bounded);
    }

    /** Units DA (one manager) > DA-1..DA-3 (one to three each) > two or three workplaces (a third of 1 to 10). */
    void organisation(Random random) {
        Organisation org = new Organisation().unit("DA", null);
        parent.put("DA", null);
        List<String> staff = new ArrayList<>();
        int n = 0;
        org.employee("DA-E" + n, "DA", "FEMALE", 1965);
        staff.add("DA-E" + n++);
        for (int s = 1; s <= 3; s++) {
            String sector = "DA-" + s;
            org.unit(sector, "DA");
            parent.put(sector, "DA");
            children.computeIfAbsent("DA", k -> new ArrayList<>()).add(sector);
            for (int i = 0, own = 1 + random.nextInt(3); i < own; i++) {
                org.employee("DA-E" + n, sector, random.nextInt(10) < 7 ? "FEMALE" : "MALE", 1960 + random.nextInt(40));
                staff.add("DA-E" + n++);
            }
            for (int w = 1, workplaces = 2 + random.nextInt(2); w <= workplaces; w++) {
                String workplace = sector + "-" + w;
                org.unit(workplace, sector);
                parent.put(workplace, sector);
                children.computeIfAbsent(sector, k -> new ArrayList<>()).add(workplace);
                for (int i = 0, size = random.nextInt(3) == 0 ? 1 + random.nextInt(10) : 8 + random.nextInt(20); i < size; i++) {
                    org.employee("DA-E" + n, workplace, random.nextInt(10) < 7 ? "FEMALE" : "MALE",
                            1960 + random.nextInt(40));
                    staff.add("DA-E" + n++);
                }
            }
        }
        org.awaitProjected(em);
        StringBuilder spells = new StringBuilder("{\"spells\": [");
        int id = 0;
        for (String employee : staff) {
            int profile = random.nextInt(10);
            int count = profile < 3 ? 0 : profile < 9 ? 1 + random.nextInt(4) : 1;
            for (int k = 0; k < count; k++) {
                int length = profile == 9 ? 60 + random.nextInt(150) : 2 + random.nextInt(9);
                LocalDate first = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(365 - length));
                spells.append(id == 0 ? "" : ",").append("""
                        {"spellId": "DA-S%d", "employeeNumber": "%s", "kind": "SICK_LEAVE",
                         "periods": [{"firstDay": "%s", "lastDay": "%s", "extent": %d}]}"""
                        .formatted(id++, employee, first, first.plusDays(length - 1), random.nextInt(4) == 0 ? 50 : 100));
            }
        }
        spells.append("]}");
        given().auth().oauth2(HR).contentType(ContentType.JSON).body(spells.toString())
                .queryParam("mode", "partial").post("/api/sickleave/spells/import").then().statusCode(200);
    }

    /** Every question of the families, and what each answer says. */
    List<Answer> ask(Atoms atoms) {
        List<Answer> answers = new ArrayList<>();
        List<int[]> periods = new ArrayList<>(List.of(new int[]{1, 12}, new int[]{2, 12}, new int[]{4, 9}, new int[]{1, 6}));
        for (int q = 1; q <= 4; q++) {
            periods.add(new int[]{3 * q - 2, 3 * q});
        }
        for (int m = 1; m <= 12; m++) {
            periods.add(new int[]{m, m});
        }
        for (String unit : parent.keySet()) {
            String row = "S:" + unit;
            for (int[] p : periods) {
                JsonPath answer = get("/api/sickleave/statistics?unit=%s&from=2025-%02d&to=2025-%02d"
                        .formatted(unit, p[0], p[1]));
                read(answers, atoms, unit + " " + p[0] + ".." + p[1], answer.getList("figures"), row, p[0], p[1]);
            }
            JsonPath monthly = get("/api/sickleave/statistics/monthly?unit=%s&from=2025-01&to=2025-12".formatted(unit));
            for (int m = 1; m <= 12; m++) {
                read(answers, atoms, unit + " series " + m, monthly.getList("months[%d].figures".formatted(m - 1)), row, m, m);
            }
            JsonPath programme = get(("/api/sickleave/statistics/programme?unit=%s&period=whole:2025-01/2025-12"
                    + "&period=later:2025-02/2025-12").formatted(unit));
            read(answers, atoms, unit + " programme whole", programme.getList("periods[0].figures"), row, 1, 12);
            read(answers, atoms, unit + " programme later", programme.getList("periods[1].figures"), row, 2, 12);
            if (children.containsKey(unit)) {
                for (int[] p : periods.subList(0, 8)) {
                    JsonPath breakdown = get("/api/sickleave/statistics/units?unit=%s&from=2025-%02d&to=2025-%02d"
                            .formatted(unit, p[0], p[1]));
                    String what = unit + " breakdown " + p[0] + ".." + p[1];
                    read(answers, atoms, what, breakdown.getList("total.figures"), row, p[0], p[1]);
                    read(answers, atoms, what, breakdown.getList("ownStaff.figures"), "O:" + unit, p[0], p[1]);
                    List<String> codes = breakdown.getList("children.unit");
                    for (int i = 0; i < codes.size(); i++) {
                        read(answers, atoms, what, breakdown.getList("children[%d].figures".formatted(i)),
                                "S:" + codes.get(i), p[0], p[1]);
                    }
                }
            }
        }
        return answers;
    }

    private static JsonPath get(String path) {
        return given().auth().oauth2(EVALUATOR).get(path).then().statusCode(200).extract().jsonPath();
    }

    private static void read(List<Answer> answers, Atoms atoms, String what, List<Map<String, Object>> figures,
                             String row, int first, int last) {
        for (Map<String, Object> figure : figures) {
            String key = (String) figure.get("key");
            if (key.equals("LONG_TERM_SHARE")) {
                continue;
            }
            Object percent = figure.get("percent");
            answers.add(new Answer(what + " " + row + " " + key, atoms.of(row, first, last, key), percent != null,
                    percent == null ? null : ((Number) percent).doubleValue()));
        }
    }

    record Target(String what, BitSet atoms, int heads, boolean remainder) {
    }

    /**
     * The small groups: every cell of 1 to 10 employees (subtrees and own staff, year, quarters, months, groups), and
     * for each relation between cells (a subtree of its own staff and children, a year of its quarters, a quarter of
     * its months, everyone of women and men and of the age bands) the parts not shown, together, when so few.
     */
    List<Target> targets(Atoms atoms, List<Answer> answers) {
        Set<BitSet> shown = new HashSet<>();
        answers.stream().filter(Answer::shown).forEach(a -> shown.add(a.atoms()));
        List<Target> targets = new ArrayList<>();
        List<int[]> times = new ArrayList<>(List.of(new int[]{1, 12}));
        for (int q = 1; q <= 4; q++) {
            times.add(new int[]{3 * q - 2, 3 * q});
        }
        for (int m = 1; m <= 12; m++) {
            times.add(new int[]{m, m});
        }
        List<String> rows = new ArrayList<>();
        for (String unit : parent.keySet()) {
            rows.add("S:" + unit);
            if (children.containsKey(unit)) {
                rows.add("O:" + unit);
            }
        }
        for (String row : rows) {
            for (int[] t : times) {
                for (String key : KEYS) {
                    BitSet cell = atoms.of(row, t[0], t[1], key);
                    int heads = atoms.heads(cell);
                    if (heads >= 1 && heads <= THRESHOLD) {
                        assertTrue(!shown.contains(cell), row + " " + t[0] + ".." + t[1] + " " + key + " of " + heads
                                + " employees is shown");
                        targets.add(new Target(row + " " + t[0] + ".." + t[1] + " " + key, cell, heads, false));
                    }
                }
            }
        }
        for (String row : rows) {
            for (int[] t : times) {
                List<List<BitSet>> relations = new ArrayList<>();
                relations.add(List.of(atoms.of(row, t[0], t[1], "WOMEN"), atoms.of(row, t[0], t[1], "MEN")));
                relations.add(List.of(atoms.of(row, t[0], t[1], "AGE_29_OR_YOUNGER"),
                        atoms.of(row, t[0], t[1], "AGE_30_TO_49"), atoms.of(row, t[0], t[1], "AGE_50_OR_OLDER")));
                if (row.startsWith("S:") && children.containsKey(row.substring(2))) {
                    List<BitSet> parts = new ArrayList<>(List.of(atoms.of("O:" + row.substring(2), t[0], t[1], "TOTAL")));
                    children.get(row.substring(2)).forEach(c -> parts.add(atoms.of("S:" + c, t[0], t[1], "TOTAL")));
                    relations.add(parts);
                }
                if (t[1] - t[0] == 11) {
                    List<BitSet> quarters = new ArrayList<>();
                    for (int q = 1; q <= 4; q++) {
                        quarters.add(atoms.of(row, 3 * q - 2, 3 * q, "TOTAL"));
                    }
                    relations.add(quarters);
                } else if (t[1] - t[0] == 2) {
                    relations.add(List.of(atoms.of(row, t[0], t[0], "TOTAL"), atoms.of(row, t[0] + 1, t[0] + 1, "TOTAL"),
                            atoms.of(row, t[1], t[1], "TOTAL")));
                }
                for (List<BitSet> parts : relations) {
                    BitSet hidden = new BitSet();
                    parts.stream().filter(p -> !shown.contains(p)).forEach(hidden::or);
                    int heads = atoms.heads(hidden);
                    if (heads >= 1 && heads <= THRESHOLD) {
                        targets.add(new Target("the hidden parts of " + row + " " + t[0] + ".." + t[1], hidden, heads, true));
                    }
                }
            }
        }
        return targets;
    }

    /** The least and greatest sick hours of the target given the shown figures, with atoms merged where alike. */
    static double[] bounds(Atoms atoms, List<BitSet> known, BitSet target) {
        // atoms in the same shown figures and alike in the target are one variable: the program only sees their sum
        Map<BitSet, Integer> classOf = new HashMap<>();
        List<Double> capacity = new ArrayList<>();
        int[] variable = new int[atoms.ordinary.length];
        for (int a = 0; a < atoms.ordinary.length; a++) {
            if (atoms.ordinary[a] <= 0) {
                variable[a] = -1;
                continue;
            }
            BitSet signature = new BitSet();
            for (int f = 0; f < known.size(); f++) {
                if (known.get(f).get(a)) {
                    signature.set(f);
                }
            }
            if (target.get(a)) {
                signature.set(known.size());
            }
            Integer v = classOf.get(signature);
            if (v == null) {
                v = capacity.size();
                classOf.put(signature, v);
                capacity.add(0.0);
            }
            capacity.set(v, capacity.get(v) + atoms.ordinary[a]);
            variable[a] = v;
        }
        int n = capacity.size();
        List<LinearConstraint> constraints = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            double[] row = new double[n];
            row[v] = 1;
            constraints.add(new LinearConstraint(row, Relationship.LEQ, capacity.get(v)));
        }
        for (BitSet figure : known) {
            double[] row = new double[n];
            figure.stream().forEach(a -> row[variable[a]] = 1);
            constraints.add(new LinearConstraint(row, Relationship.EQ, atoms.sum(atoms.sick, figure)));
        }
        double[] objective = new double[n];
        target.stream().forEach(a -> objective[variable[a]] = 1);
        double[] result = new double[2];
        for (GoalType goal : List.of(GoalType.MINIMIZE, GoalType.MAXIMIZE)) {
            result[goal == GoalType.MINIMIZE ? 0 : 1] = new SimplexSolver(1e-9, 10, 1e-12).optimize(new MaxIter(200_000),
                    new LinearObjectiveFunction(objective, 0), new LinearConstraintSet(constraints), goal,
                    new NonNegativeConstraint(true)).getValue();
        }
        return result;
    }

    /** The span of the shown figures' atom sets, in reduced row echelon form. */
    static final class Elimination {
        private final List<double[]> rows = new ArrayList<>();
        private final List<Integer> pivots = new ArrayList<>();
        private final int size;

        Elimination(List<BitSet> vectors, int size) {
            this.size = size;
            for (BitSet vector : vectors) {
                double[] v = dense(vector, size);
                reduce(v);
                int pivot = -1;
                for (int i = 0; i < size && pivot < 0; i++) {
                    if (Math.abs(v[i]) > 1e-9) {
                        pivot = i;
                    }
                }
                if (pivot >= 0) {
                    double p = v[pivot];
                    for (int i = 0; i < size; i++) {
                        v[i] /= p;
                    }
                    for (int r = 0; r < rows.size(); r++) {
                        double f = rows.get(r)[pivot];
                        if (Math.abs(f) > 1e-12) {
                            for (int i = 0; i < size; i++) {
                                rows.get(r)[i] -= f * v[i];
                            }
                        }
                    }
                    rows.add(v);
                    pivots.add(pivot);
                }
            }
        }

        private static double[] dense(BitSet vector, int size) {
            double[] v = new double[size];
            vector.stream().forEach(i -> v[i] = 1);
            return v;
        }

        private void reduce(double[] v) {
            for (int r = 0; r < rows.size(); r++) {
                double f = v[pivots.get(r)];
                if (Math.abs(f) > 1e-12) {
                    double[] row = rows.get(r);
                    for (int i = 0; i < v.length; i++) {
                        v[i] -= f * row[i];
                    }
                }
            }
        }

        boolean determines(BitSet target) {
            double[] v = dense(target, size);
            reduce(v);
            for (double x : v) {
                if (Math.abs(x) > 1e-7) {
                    return false;
                }
            }
            return true;
        }
    }
}
