package se.kasam.survey.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import se.kasam.platform.outbox.Outbox;
import se.kasam.survey.SurveyRound;
import se.kasam.survey.mapping.InstrumentRef;

/** kasam.survey.rounds: a round opened or closed, with aggregate counts only (schemas in resources/events). */
@ApplicationScoped
public class RoundEvents {
    public static final String TOPIC = "kasam.survey.rounds";
    public static final String OPENED = "kasam.survey.round.opened.v1";
    public static final String CLOSED = "kasam.survey.round.closed.v1";

    @Inject
    Outbox outbox;

    public record Opened(UUID roundId, String name, OffsetDateTime opensAt, OffsetDateTime closesAt,
                         List<InstrumentRef> instruments, int invited) {
    }

    public record Closed(UUID roundId, String name, OffsetDateTime closedAt, int invited, int respondents) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void opened(SurveyRound round, List<InstrumentRef> instruments) {
        outbox.publish(TOPIC, OPENED, round.id.toString(),
                new Opened(round.id, round.name, round.opensAt, round.closesAt, instruments, round.invited));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void closed(SurveyRound round) {
        outbox.publish(TOPIC, CLOSED, round.id.toString(),
                new Closed(round.id, round.name, round.closedAt, round.invited, round.answered));
    }
}
