package se.kasam.evaluation.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;
import se.kasam.evaluation.client.SourceRefusal;
import se.kasam.evaluation.config.EvaluationConfig;
import se.kasam.evaluation.mapping.EvaluationReport;
import se.kasam.evaluation.mapping.EvaluationReport.Status;
import se.kasam.evaluation.rules.Indicators;
import se.kasam.evaluation.rules.ReportQuery;
import se.kasam.platform.problem.ProblemException;
import se.kasam.platform.problem.ProblemType;
import se.kasam.platform.security.Caller;
import se.kasam.platform.security.Roles;

/**
 * The report: the three sections asked for at once, each bounded by its own timeout, then the ESF headings read off
 * them. A section that fails is marked unavailable with the reason; a refusal (unknown unit, a manager's unit that
 * is not theirs, a bad value) is the whole answer's.
 */
@ApplicationScoped
public class ReportService {
    @Inject
    Sections sections;

    @Inject
    EvaluationConfig config;

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    public ReportQuery query(String unit, String before, String during, String after, String baseline, String followUp) {
        if (unit == null && !(caller.hasRole(Roles.PROJECT_LEAD) || caller.hasRole(Roles.EVALUATOR)
                || caller.hasRole(Roles.HR_ADMIN))) {
            throw ProblemException.invalid("unit", "NotNull", "a manager's report covers the units they manage: name one");
        }
        EvaluationConfig.Periods periods = config.periods();
        return ReportQuery.of(unit, before, during, after, baseline, followUp, periods.before(), periods.during(),
                periods.after());
    }

    /** The report, asked of each service with the caller's own token. */
    public EvaluationReport report(ReportQuery query) {
        String bearer = caller.bearer();
        long timeout = config.sectionTimeoutMs();
        Uni<EvaluationReport.ParticipationSection> participation = bounded(sections.participation(bearer, query),
                d -> new EvaluationReport.ParticipationSection(Status.AVAILABLE, null, d),
                t -> new EvaluationReport.ParticipationSection(Status.UNAVAILABLE, Unavailability.of("workshops-service", t, timeout), null));
        Uni<EvaluationReport.SurveySection> survey = bounded(sections.survey(bearer, query),
                d -> new EvaluationReport.SurveySection(Status.AVAILABLE, null, d),
                t -> new EvaluationReport.SurveySection(Status.UNAVAILABLE, Unavailability.of("survey-service", t, timeout), null));
        Uni<EvaluationReport.SickLeaveSection> sickLeave = bounded(sections.sickLeave(bearer, query),
                d -> new EvaluationReport.SickLeaveSection(Status.AVAILABLE, null, d),
                t -> new EvaluationReport.SickLeaveSection(Status.UNAVAILABLE, Unavailability.of("sickleave-service", t, timeout), null));
        var parts = Uni.combine().all().unis(participation, survey, sickLeave).asTuple()
                .onFailure(SourceRefusal.class).transform(ReportService::refused)
                // the sections' own timeouts end them first; this only keeps a request from waiting for ever
                .await().atMost(Duration.ofMillis(timeout + 2_000));
        EvaluationReport.Participation p = parts.getItem1().data();
        EvaluationReport.Survey s = parts.getItem2().data();
        EvaluationReport.SickLeave k = parts.getItem3().data();
        var indicators = Indicators.measure(p, s, k);
        return new EvaluationReport(config.programmeName(), query.unit(), OffsetDateTime.now(clock), List.of(
                new EvaluationReport.Period("before", query.before().from().toString(), query.before().to().toString()),
                new EvaluationReport.Period("during", query.during().from().toString(), query.during().to().toString()),
                new EvaluationReport.Period("after", query.after().from().toString(), query.after().to().toString())),
                parts.getItem1(), parts.getItem2(), parts.getItem3(),
                new EvaluationReport.Esf(Indicators.participants(p), Indicators.aims(config.targets(), indicators), indicators));
    }

    private static <D, S> Uni<S> bounded(Uni<D> call, Function<D, S> available, Function<Throwable, S> unavailable) {
        return call.map(available).onFailure(t -> !(t instanceof SourceRefusal)).recoverWithItem(unavailable);
    }

    private static Throwable refused(Throwable t) {
        SourceRefusal refusal = (SourceRefusal) t;
        ProblemType type = switch (refusal.status()) {
            case 404 -> ProblemType.NOT_FOUND;
            case 403 -> ProblemType.FORBIDDEN;
            case 401 -> ProblemType.UNAUTHENTICATED;
            default -> ProblemType.VALIDATION;
        };
        return new ProblemException(type, refusal.getMessage());
    }
}
