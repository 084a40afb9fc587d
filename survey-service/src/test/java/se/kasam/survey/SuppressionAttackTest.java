package se.kasam.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import se.kasam.platform.disclosure.Derivation;
import se.kasam.survey.rules.Demography;
import se.kasam.survey.rules.RoundPublication;

/**
 * An evaluator asks for every report there is of a closed round (every unit, every breakdown) and puts all the
 * answers together, as an attacker would: parent less children, everyone less women, one unit's breakdown against
 * another's. No group of fewer than five respondents follows from what all the answers show, and a figure is the
 * same in every answer that shows it.
 */
@QuarkusTest
class SuppressionAttackTest {
    static final List<String> BY = List.of("NONE", "GENDER", "AGE", "UNIT");

    @Inject
    EntityManager em;

    @Test
    void noSmallGroupFollowsFromAllTheReportsTogether() {
        Random random = new Random(11);
        Organisation org = new Organisation().unit("AT-ROOT", null);
        List<String> units = new ArrayList<>(List.of("AT-ROOT"));
        Map<String, String> parents = new LinkedHashMap<>();
        parents.put("AT-ROOT", null);
        for (int u = 1; u <= 8; u++) {
            String parent = units.get(random.nextInt(units.size()));
            String code = "AT-U" + u;
            org.unit(code, parent);
            units.add(code);
            parents.put(code, parent);
        }
        for (String unit : units) {
            int staff = random.nextInt(11);
            for (int i = 0; i < staff; i++) {
                org.staff("AT-E", 1, unit, random.nextInt(4) == 0 ? "MALE" : "FEMALE", 1960 + random.nextInt(45));
            }
        }
        org.awaitProjected(em);
        String round = Surveys.openRound("Attack", "AT-ROOT");
        for (String e : org.employees) {
            if (random.nextInt(8) > 0) {
                Surveys.submit(e, round, Surveys.randomAnswers(random, 1 + random.nextInt(7), 1 + random.nextInt(5)));
            }
        }
        Surveys.close(round);

        // the stored tuples (atoms) and how many respondents each has: the ground truth the attacker is after
        List<Demography> atoms = new ArrayList<>();
        Map<Demography, Long> respondents = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            List<Object[]> rows = em.createNativeQuery("""
                            select unit_code, legal_gender, age_band, count(*) from response where round_id = cast(?1 as uuid)
                            group by 1, 2, 3""").setParameter(1, round).getResultList();
            for (Object[] r : rows) {
                Demography d = new Demography((String) r[0], (String) r[1], (String) r[2]);
                atoms.add(d);
                respondents.put(d, ((Number) r[3]).longValue());
            }
        });

        // every answer an evaluator can get, each group it shows as the atoms it covers
        Map<String, Object> seen = new HashMap<>();
        List<boolean[]> shown = new ArrayList<>();
        List<boolean[]> hidden = new ArrayList<>();
        List<String> asked = new ArrayList<>();
        asked.add(null);
        asked.addAll(units);
        int answers = 0;
        for (String unit : asked) {
            for (String by : BY) {
                JsonPath report = Surveys.report(Surveys.EVALUATOR, round, unit, by);
                answers++;
                for (Map<String, Object> g : report.<Map<String, Object>>getList("instruments.find { it.code == 'SOC-13' }.groups")) {
                    String row = "EVERYONE".equals(g.get("kind")) ? "*" : ("OWN_STAFF".equals(g.get("kind")) ? "O:" : "S:") + g.get("unit");
                    String group = (String) g.get("group");
                    boolean[] in = new boolean[atoms.size()];
                    for (int a = 0; a < atoms.size(); a++) {
                        in[a] = RoundPublication.contains(row, group, atoms.get(a), parents);
                    }
                    Object previous = seen.put(row + "/" + group, g.get("reason") == null ? g.get("figures") : g.get("reason"));
                    if (previous != null) {
                        assertEquals(previous, seen.get(row + "/" + group), "the same cell differs between answers: " + row + "/" + group);
                    }
                    if (g.get("reason") == null) {
                        long n = 0;
                        for (int a = 0; a < atoms.size(); a++) {
                            n += in[a] ? respondents.get(atoms.get(a)) : 0;
                        }
                        assertEquals(n, ((Number) g.get("respondents")).longValue(), row + "/" + group);
                        assertTrue(n == 0 || n >= 5, "a shown group of " + n);
                        shown.add(in);
                    } else {
                        assertNull(g.get("respondents"));
                        hidden.add(in);
                    }
                }
            }
        }
        assertTrue(answers == 40 && !hidden.isEmpty() && !shown.isEmpty(), "the attack had material: " + shown.size() + " shown, "
                + hidden.size() + " hidden");
        // a hidden group of 1-4 respondents, or any atom of so few, must not be a combination of the shown groups
        List<boolean[]> targets = new ArrayList<>(hidden);
        for (int a = 0; a < atoms.size(); a++) {
            boolean[] one = new boolean[atoms.size()];
            one[a] = true;
            targets.add(one);
        }
        int small = 0;
        for (boolean[] target : targets) {
            long n = 0;
            for (int a = 0; a < atoms.size(); a++) {
                n += target[a] ? respondents.get(atoms.get(a)) : 0;
            }
            if (n > 0 && n < 5) {
                small++;
                assertNull(Derivation.of(shown, target), "a group of " + n + " respondents follows from the shown groups");
            }
        }
        assertTrue(small > 0, "the organisation had small groups to attack");
    }
}
