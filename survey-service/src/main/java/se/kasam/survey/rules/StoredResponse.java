package se.kasam.survey.rules;

import java.time.LocalDate;
import java.util.List;

/**
 * A response as stored: no employee number, nothing of its invitation; the day only, the pseudonym and the
 * generalised demographics; its answers, its scores and its texts (the texts are stored apart from it).
 */
public record StoredResponse(LocalDate submittedOn, String pseudonym, Demography demography, List<Value> answers,
                             List<Text> texts, List<Scored> scores) {

    /** The same response with its scores worked out. */
    public StoredResponse withScores(List<Scored> scored) {
        return new StoredResponse(submittedOn, pseudonym, demography, answers, texts, List.copyOf(scored));
    }

    /** One score of one instrument. */
    public record Scored(String instrument, Scoring.Score score) {
    }

    public record Value(String instrument, String item, int value) {
    }

    public record Text(String instrument, String item, String text) {
    }
}
