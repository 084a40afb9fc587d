package se.kasam.evaluation.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoundChoiceTest {
    private static RoundChoice.Candidate round(String id, String status, int month) {
        return new RoundChoice.Candidate(id, status, month == 0 ? null : OffsetDateTime.of(2020, month, 1, 12, 0, 0, 0, ZoneOffset.UTC));
    }

    @Test
    void theFirstAndTheLastClosedRoundWhateverTheOrderTheyCameIn() {
        var rounds = List.of(round("middle", "CLOSED", 6), round("open", "OPEN", 0), round("last", "CLOSED", 11),
                round("first", "CLOSED", 2), round("draft", "DRAFT", 0));
        assertEquals(new RoundChoice.Pair("first", "last"), RoundChoice.choose(rounds, null, null).orElseThrow());
    }

    @Test
    void fewerThanTwoClosedIsNoComparison() {
        assertTrue(RoundChoice.choose(List.of(round("a", "CLOSED", 3), round("b", "OPEN", 0)), null, null).isEmpty());
        assertTrue(RoundChoice.choose(List.of(), null, null).isEmpty());
    }

    @Test
    void roundsAskedForAreTakenAsTheyAre() {
        assertEquals(new RoundChoice.Pair("x", "y"),
                RoundChoice.choose(List.of(round("a", "CLOSED", 3), round("b", "CLOSED", 4)), "x", "y").orElseThrow());
    }
}
