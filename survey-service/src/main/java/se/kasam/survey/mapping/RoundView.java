package se.kasam.survey.mapping;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import se.kasam.survey.SurveyRound;

/**
 * A survey round.
 *
 * @param invited     the population, known once it opened
 * @param respondents known once it closed
 */
public record RoundView(UUID id, String name, SurveyRound.Status status, OffsetDateTime opensAt, OffsetDateTime closesAt,
                        List<String> unitCodes, List<InstrumentRef> instruments, Integer invited, Integer respondents,
                        OffsetDateTime openedAt, OffsetDateTime closedAt, int version) {
}
