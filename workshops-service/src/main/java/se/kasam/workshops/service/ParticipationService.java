package se.kasam.workshops.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import se.kasam.platform.problem.ProblemException;
import se.kasam.workshops.config.WorkshopsConfig;
import se.kasam.workshops.mapping.EsfExportView;
import se.kasam.workshops.mapping.ParticipationView;
import se.kasam.workshops.repository.ProgressRepository;
import se.kasam.workshops.repository.UnitRepository;
import se.kasam.workshops.rules.EsfTotals;
import se.kasam.workshops.rules.HoursPublication;

/**
 * Participation over a span of months, for the evaluation: the participant hours of the ESF exports (valued as each
 * month is, corrections included) summed for a unit subtree, and the trio groups formed and meeting.
 */
@ApplicationScoped
public class ParticipationService {
    static final int MAX_MONTHS = 120;

    @Inject
    WorkshopsConfig config;

    @Inject
    WorkshopsAccess access;

    @Inject
    EsfService esf;

    @Inject
    UnitRepository units;

    @Inject
    ProgressRepository progress;

    @Transactional(Transactional.TxType.SUPPORTS)
    public ParticipationView of(String unitCode, String fromText, String toText) {
        YearMonth from = required("from", QueryValues.month("from", fromText));
        YearMonth to = required("to", QueryValues.month("to", toText));
        if (to.isBefore(from) || from.plusMonths(MAX_MONTHS - 1).isBefore(to)) {
            throw ProblemException.invalid("to", "Range", "to must be from or later, and at most " + MAX_MONTHS + " months on");
        }
        Set<String> scope;
        if (unitCode != null) {
            scope = units.subtrees(Set.of(unitCode));
            if (scope.isEmpty()) {
                throw ProblemException.notFound("unit " + unitCode);
            }
            access.unit(unitCode);
        } else if (!access.seesEveryUnit()) {
            throw ProblemException.invalid("unit", "NotNull", "managers see the participation of the units they manage: name one");
        } else {
            scope = null;
        }
        List<EsfTotals.Line> lines = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            EsfExportView export = esf.get(month);
            Stream.concat(export.rows().stream(), export.corrections().stream())
                    .filter(r -> scope == null || scope.contains(r.unitCode()))
                    .forEach(r -> lines.add(new EsfTotals.Line(r.employeeNumber(), r.legalGender(), r.hours(), r.coFinancingSek())));
        }
        List<ParticipationView.Hours> hours = HoursPublication.protect(EsfTotals.of(lines), config.minGroupSize()).stream()
                .map(h -> new ParticipationView.Hours(h.group(), h.participants(), h.hours(), h.coFinancingSek(), h.reason()))
                .toList();
        ParticipationView.TrioGroups trios = progress.trioGroups(scope == null ? units.subtrees(units.roots()) : scope,
                from.atDay(1), to.atEndOfMonth());
        return new ParticipationView(unitCode, from.toString(), to.toString(), hours, trios);
    }

    private static YearMonth required(String field, YearMonth value) {
        if (value == null) {
            throw ProblemException.invalid(field, "NotNull", field + " is required: a month, yyyy-MM");
        }
        return value;
    }
}
