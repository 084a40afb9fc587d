package se.kasam.survey.mapping;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import se.kasam.survey.SurveyRound;

/**
 * One of the caller's invitations.
 *
 * @param draftSavedAt when a draft was last saved, if there is one
 * @param draft        the draft's answers (one invitation read alone; empty in lists)
 */
public record InvitationView(UUID id, UUID roundId, String roundName, SurveyRound.Status roundStatus,
                             OffsetDateTime opensAt, OffsetDateTime closesAt, List<InstrumentRef> instruments,
                             boolean answered, OffsetDateTime draftSavedAt, List<Answer> draft) {
}
