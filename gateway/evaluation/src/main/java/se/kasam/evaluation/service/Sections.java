package se.kasam.evaluation.service;

import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import se.kasam.evaluation.client.Answers;
import se.kasam.evaluation.client.SickLeaveClient;
import se.kasam.evaluation.client.SourceRefusal;
import se.kasam.evaluation.client.SurveyClient;
import se.kasam.evaluation.client.WorkshopsClient;
import se.kasam.evaluation.mapping.EvaluationReport;
import se.kasam.evaluation.mapping.SourceMapping;
import se.kasam.evaluation.rules.ReportQuery;
import se.kasam.evaluation.rules.RoundChoice;

/**
 * One call per section, each to its own service and each bounded: a timeout (configured in application.properties)
 * and a circuit breaker, so a service that is down or slow costs its section only, and soon not even the wait. A
 * refusal (4xx) is the caller's answer, not the service's failure: it does not open the circuit. The annotations are on
 * the class because a class's configured timeout applies to the class's annotation only, not to its methods'; each
 * method still has its own circuit.
 */
@ApplicationScoped
@AsynchronousNonBlocking
@Timeout
@CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10_000, skipOn = SourceRefusal.class)
public class Sections {
    private static final int ROUNDS_PAGE = 100;

    @Inject
    @RestClient
    WorkshopsClient workshops;

    @Inject
    @RestClient
    SurveyClient surveys;

    @Inject
    @RestClient
    SickLeaveClient sickLeave;

    public Uni<EvaluationReport.Participation> participation(String bearer, ReportQuery query) {
        return Uni.combine().all().unis(
                        workshops.progress(bearer, query.unit(), query.during().to().atEndOfMonth().toString()),
                        workshops.participation(bearer, query.unit(), query.during().from().toString(),
                                query.during().to().toString()))
                .asTuple().map(t -> SourceMapping.participation(t.getItem1(), t.getItem2()));
    }

    public Uni<EvaluationReport.Survey> survey(String bearer, ReportQuery query) {
        return surveys.rounds(bearer, 0, ROUNDS_PAGE).flatMap(page -> {
            var chosen = RoundChoice.choose(page.items().stream()
                    .map(r -> new RoundChoice.Candidate(r.id(), r.status(), r.closedAt())).toList(),
                    query.baseline(), query.followUp());
            if (chosen.isEmpty()) {
                return Uni.createFrom().item(new EvaluationReport.Survey(null, null, List.of(), List.of(),
                        "fewer than two survey rounds have closed"));
            }
            Answers.Round baseline = find(page, chosen.get().baseline());
            Answers.Round followUp = find(page, chosen.get().followUp());
            return Uni.combine().all().unis(
                            surveys.responseRates(bearer, baseline.id(), query.unit()),
                            surveys.responseRates(bearer, followUp.id(), query.unit()),
                            surveys.comparison(bearer, baseline.id(), followUp.id(), query.unit()))
                    .asTuple().map(t -> new EvaluationReport.Survey(SourceMapping.round(baseline), SourceMapping.round(followUp),
                            List.of(SourceMapping.rate(baseline.name(), query.unit(), t.getItem1()),
                                    SourceMapping.rate(followUp.name(), query.unit(), t.getItem2())),
                            SourceMapping.changes(t.getItem3()), null))
                    // a round asked for that has not closed: there is no comparison yet
                    .onFailure(e -> e instanceof SourceRefusal r && r.status() == 409)
                    .recoverWithItem(e -> new EvaluationReport.Survey(SourceMapping.round(baseline),
                            SourceMapping.round(followUp), List.of(), List.of(), e.getMessage()));
        });
    }

    public Uni<EvaluationReport.SickLeave> sickLeave(String bearer, ReportQuery query) {
        return Uni.combine().all().unis(
                        sickLeave.programme(bearer, query.unit(), List.of(query.before().named("before"),
                                query.during().named("during"), query.after().named("after"))),
                        sickLeave.monthly(bearer, query.unit(), query.before().from().toString(), query.after().to().toString()))
                .asTuple().map(t -> SourceMapping.sickLeave(t.getItem1(), t.getItem2()));
    }

    private static Answers.Round find(Answers.RoundPage page, String id) {
        return page.items().stream().filter(r -> r.id().equalsIgnoreCase(id)).findFirst()
                .orElseThrow(() -> new SourceRefusal(404, "no such survey round: " + id));
    }
}
