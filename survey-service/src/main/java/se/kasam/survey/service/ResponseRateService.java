package se.kasam.survey.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import se.kasam.platform.disclosure.Policy;
import se.kasam.platform.problem.ProblemException;
import se.kasam.survey.SurveyRound;
import se.kasam.survey.config.SurveyConfig;
import se.kasam.survey.mapping.ResponseRatesView;
import se.kasam.survey.repository.InvitationRepository;
import se.kasam.survey.repository.RoundRepository;
import se.kasam.survey.rules.ResponseCounts;

/** Response rates of a round, per unit subtree: counts only, protected like results; never who has answered. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ResponseRateService {
    @Inject
    RoundRepository rounds;

    @Inject
    InvitationRepository invitations;

    @Inject
    SurveyAccess access;

    @Inject
    SurveyConfig config;

    public ResponseRatesView rates(UUID roundId, String askedUnit) {
        SurveyRound round = rounds.findById(roundId);
        if (round == null) {
            throw ProblemException.notFound("round " + roundId);
        }
        if (round.status == SurveyRound.Status.PLANNED) {
            throw ProblemException.conflict("round " + round.name + " has not opened");
        }
        String unit = access.unit(askedUnit);
        Map<String, String> tree = rounds.tree(round.id);
        ReportService.requireInRound(unit, tree);
        Map<String, ResponseCounts.Row> protectedRows = ResponseCounts.protect(tree, invitations.countsByUnit(round.id),
                new Policy(config.minRespondents() - 1, config.minRespondents(), config.protectionInterval()));
        List<ResponseRatesView.Row> rows = ReportService.rows(unit, ReportService.Breakdown.UNIT, tree).stream()
                .map(protectedRows::get).map(r -> new ResponseRatesView.Row(ReportService.rowUnit(r.row()),
                        ReportService.rowKind(r.row()), (int) r.invited(), r.answered() == null ? null : r.answered().intValue(),
                        r.answered() == null || r.invited() == 0 ? null : r.answered() / (double) r.invited(), r.reason()))
                .toList();
        return new ResponseRatesView(round.id, unit, config.minRespondents(), rows);
    }
}
