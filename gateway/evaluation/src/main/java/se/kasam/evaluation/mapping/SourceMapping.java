package se.kasam.evaluation.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import se.kasam.evaluation.client.Answers;
import se.kasam.evaluation.mapping.EvaluationReport.Change;
import se.kasam.evaluation.mapping.EvaluationReport.Completion;

/** The services' answers as the report's sections: the figures as they were sent, suppression reasons kept. */
public final class SourceMapping {
    /** The statutory figures the report shows month by month. */
    private static final Set<String> MONTHLY = Set.of("TOTAL", "WOMEN", "MEN", "LONG_TERM_SHARE");

    private SourceMapping() {
    }

    public static EvaluationReport.Participation participation(Answers.Progress progress, Answers.Participation participation) {
        return new EvaluationReport.Participation(progress.on(), progress.modules(), completion(progress.groups()),
                progress.children().stream().map(c -> new EvaluationReport.UnitCompletion(c.unit(), completion(c.groups())))
                        .toList(),
                participation.trioGroups(),
                participation.hours().stream().map(h -> new EvaluationReport.Hours(h.group(), h.participants(), h.hours(),
                        h.coFinancingSek(), h.reason())).toList());
    }

    private static List<Completion> completion(List<Answers.ProgressGroup> groups) {
        return groups.stream().map(g -> g.reason() != null
                ? new Completion(g.group(), null, null, null, g.reason())
                : new Completion(g.group(), g.staff(), g.staff() - g.done().stream().filter(d -> d.modulesDone() == 0)
                        .mapToInt(EvaluationReport.Done::employees).sum(), g.done(), null)).toList();
    }

    public static EvaluationReport.Round round(Answers.Round r) {
        return new EvaluationReport.Round(r.id(), r.name(), r.closedAt(), r.invited(), r.respondents());
    }

    /** The row of the unit asked for: its subtree, or everyone for the whole municipality. */
    public static EvaluationReport.ResponseRate rate(String roundName, String unit, Answers.Rates rates) {
        return rates.rows().stream()
                .filter(r -> unit == null ? "EVERYONE".equals(r.kind()) : "SUBTREE".equals(r.kind()) && unit.equals(r.unit()))
                .findFirst()
                .map(r -> new EvaluationReport.ResponseRate(roundName, r.invited(), r.answered(), r.rate(), r.reason()))
                .orElse(new EvaluationReport.ResponseRate(roundName, 0, null, null, "NOT_DERIVABLE"));
    }

    public static List<Change> changes(Answers.Comparison comparison) {
        List<Change> changes = new ArrayList<>();
        for (Answers.Instrument instrument : comparison.instruments()) {
            for (Answers.Measure measure : instrument.measures()) {
                for (Answers.Group g : measure.groups()) {
                    Answers.Paired p = g.paired();
                    Answers.Unpaired u = g.unpaired();
                    Double before = u == null ? null : u.baselineMean();
                    Double after = u == null ? null : u.followUpMean();
                    changes.add(p == null
                            ? new Change(instrument.code(), measure.measure(), g.group(), before, after, null, null, null,
                            null, null, null, null, null, g.pairedReason() == null ? "NOT_DERIVABLE" : g.pairedReason())
                            : new Change(instrument.code(), measure.measure(), g.group(), before, after, p.n(),
                            p.meanDifference(), p.indexChange(), p.ciLow(), p.ciHigh(), p.pValue(), p.dz(), p.gav(), null));
                }
            }
        }
        return changes;
    }

    public static EvaluationReport.SickLeave sickLeave(Answers.Programme programme, Answers.Monthly monthly) {
        return new EvaluationReport.SickLeave(programme.periods(), programme.changes(),
                monthly.months().stream().map(m -> new EvaluationReport.MonthFigures(m.month(), m.employees(),
                        m.figures().stream().filter(f -> MONTHLY.contains(f.key())).toList())).toList());
    }
}
