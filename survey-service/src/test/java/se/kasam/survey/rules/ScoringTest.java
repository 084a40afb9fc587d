package se.kasam.survey.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.kasam.survey.rules.Scoring.Score;

/** Scores worked out by hand from the answers. */
class ScoringTest {
    static final InstrumentDefinition SOC = BuiltIns.load("SOC-13");
    static final InstrumentDefinition HME = BuiltIns.load("HME");

    /** Items 1..13 answered 4 5 3 6 2 7 1 5 6 3 4 5 6; reversed 1, 2, 3, 7, 10 score as 8 − answer. */
    static Map<String, Integer> soc(int... skip) {
        int[] answers = {4, 5, 3, 6, 2, 7, 1, 5, 6, 3, 4, 5, 6};
        Map<String, Integer> map = new HashMap<>();
        for (int i = 0; i < 13; i++) {
            map.put(Integer.toString(i + 1), answers[i]);
        }
        for (int s : skip) {
            map.remove(Integer.toString(s));
        }
        return map;
    }

    static Score measure(List<Score> scores, String measure) {
        return scores.stream().filter(s -> s.measure().equals(measure)).findFirst().orElseThrow();
    }

    @Test
    void soc13CompleteTurnsTheReversedItemsRound() {
        // scored: 4 3 5 6 2 7 7 5 6 5 4 5 6
        List<Score> scores = Scoring.score(SOC, soc());
        assertEquals(65.0, measure(scores, "TOTAL").value());
        assertEquals(25.0, measure(scores, "COMPREHENSIBILITY").value()); // 3 + 7 + 5 + 6 + 4
        assertEquals(18.0, measure(scores, "MANAGEABILITY").value()); // 5 + 2 + 5 + 6
        assertEquals(22.0, measure(scores, "MEANINGFULNESS").value()); // 4 + 6 + 7 + 5
        assertEquals(13, measure(scores, "TOTAL").answered());
        assertNull(measure(scores, "TOTAL").index());
        assertEquals(new Scoring.Range(13, 91), Scoring.ranges(SOC).get("TOTAL"));
        assertEquals(new Scoring.Range(4, 28), Scoring.ranges(SOC).get("MANAGEABILITY"));
    }

    @Test
    void soc13ProratesTwoMissingInDifferentSubscales() {
        List<Score> scores = Scoring.score(SOC, soc(6, 12));
        assertEquals(53.0 / 11 * 13, measure(scores, "TOTAL").value(), 1e-9);
        assertEquals(11, measure(scores, "TOTAL").answered());
        assertEquals(18.0 / 4 * 5, measure(scores, "COMPREHENSIBILITY").value(), 1e-9);
        assertEquals(17.0 / 3 * 4, measure(scores, "MEANINGFULNESS").value(), 1e-9);
        assertEquals(18.0, measure(scores, "MANAGEABILITY").value());
    }

    @Test
    void soc13HasNoTotalWithTwoMissingInOneSubscaleOrThreeInAll() {
        List<Score> sameSubscale = Scoring.score(SOC, soc(2, 6));
        assertFalse(measure(sameSubscale, "COMPREHENSIBILITY").valid());
        assertFalse(measure(sameSubscale, "TOTAL").valid());
        assertEquals(11, measure(sameSubscale, "TOTAL").answered());
        assertEquals(18.0, measure(sameSubscale, "MANAGEABILITY").value());

        List<Score> three = Scoring.score(SOC, soc(1, 5, 8));
        assertFalse(measure(three, "TOTAL").valid());
        assertTrue(measure(three, "COMPREHENSIBILITY").valid());
        assertTrue(measure(three, "MANAGEABILITY").valid());
        assertEquals(18.0 / 3 * 4, measure(three, "MEANINGFULNESS").value(), 1e-9); // item 1 missing: (6 + 7 + 5) / 3 × 4
    }

    @Test
    void hmeIndexesAreTheMeanAnswerOnZeroToHundred() {
        Map<String, Integer> answers = new HashMap<>();
        int[] a = {5, 4, 3, 5, 5, 4, 2, 4, 3};
        for (int i = 0; i < 9; i++) {
            answers.put(Integer.toString(i + 1), a[i]);
        }
        List<Score> scores = Scoring.score(HME, answers);
        assertEquals(75.0, measure(scores, "MOTIVATION").index(), 1e-9);
        assertEquals((14.0 / 3 - 1) * 25, measure(scores, "LEDARSKAP").index(), 1e-9);
        assertEquals(50.0, measure(scores, "STYRNING").index(), 1e-9);
        assertEquals(35.0 / 9, measure(scores, "TOTAL").value(), 1e-9);
        assertEquals((35.0 / 9 - 1) * 25, measure(scores, "TOTAL").index(), 1e-9);
    }

    @Test
    void noAnswersNoScore() {
        assertTrue(Scoring.score(SOC, Map.of()).stream().allMatch(s -> !s.valid() && s.answered() == 0));
    }
}
