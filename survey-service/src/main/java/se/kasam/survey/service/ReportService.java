package se.kasam.survey.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import se.kasam.platform.disclosure.Reason;
import se.kasam.platform.problem.ProblemException;
import se.kasam.survey.SurveyRound;
import se.kasam.survey.config.SurveyConfig;
import se.kasam.survey.mapping.FreeTextView;
import se.kasam.survey.mapping.InstrumentRef;
import se.kasam.survey.mapping.ReportView;
import se.kasam.survey.repository.ReportRepository;
import se.kasam.survey.repository.ReportRepository.StoredCell;
import se.kasam.survey.repository.RoundRepository;
import se.kasam.survey.rules.Demography;
import se.kasam.survey.rules.InstrumentDefinition;
import se.kasam.survey.rules.RoundPublication;
import se.kasam.survey.rules.Summary;

/** A closed round's results, answered from its protected publication only, for the caller's units. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReportService {
    public enum Breakdown { NONE, GENDER, AGE, UNIT }

    @Inject
    RoundRepository rounds;

    @Inject
    ReportRepository reports;

    @Inject
    InstrumentService instruments;

    @Inject
    SurveyAccess access;

    @Inject
    SurveyConfig config;

    public ReportView report(UUID roundId, String askedUnit, Breakdown by) {
        SurveyRound round = closed(roundId);
        String unit = access.unit(askedUnit);
        Map<String, String> tree = rounds.tree(round.id);
        requireInRound(unit, tree);
        List<String> rows = rows(unit, by, tree);
        List<String> groups = switch (by) {
            case GENDER -> RoundPublication.GROUPS.subList(0, 3);
            case AGE -> List.of("ALL", "UP_TO_29", "FROM_30_TO_49", "FROM_50");
            default -> List.of("ALL");
        };
        List<ReportView.InstrumentReport> reportsOut = new ArrayList<>();
        for (InstrumentRef ref : rounds.instruments(round.id)) {
            InstrumentDefinition definition = instruments.definition(ref.code(), ref.version());
            List<ReportView.MeasureInfo> measures = Publisher.measures(definition).stream()
                    .map(m -> new ReportView.MeasureInfo(m.key(), kind(m), m.min(), m.max(), definition.scoring().index()))
                    .toList();
            Map<String, StoredCell> cells = new HashMap<>();
            reports.cells(round.id, ref.code(), rows).forEach(c -> cells.put(c.row() + "/" + c.group(), c));
            List<ReportView.Group> out = new ArrayList<>();
            for (String row : rows) {
                for (String group : groups) {
                    StoredCell cell = cells.get(row + "/" + group);
                    out.add(group(row, group, cell, measures));
                }
            }
            reportsOut.add(new ReportView.InstrumentReport(ref.code(), ref.version(), measures, out));
        }
        return new ReportView(round.id, round.name, unit, by.name(), config.minRespondents(), reportsOut);
    }

    public FreeTextView freeText(UUID roundId, String askedUnit, String instrument, String item) {
        SurveyRound round = closed(roundId);
        String unit = access.unit(askedUnit);
        Map<String, String> tree = rounds.tree(round.id);
        requireInRound(unit, tree);
        InstrumentRef ref = rounds.instruments(round.id).stream().filter(r -> r.code().equals(instrument)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("instrument " + instrument + " in round " + round.name));
        InstrumentDefinition.Item found = instruments.definition(ref.code(), ref.version()).item(item);
        if (found == null || found.type() != InstrumentDefinition.ItemType.FREE_TEXT) {
            throw ProblemException.notFound("free-text item " + item + " of " + instrument);
        }
        List<String> groups = reports.textGroups(round.id).stream()
                .filter(g -> unit == null || !g.equals(Demography.EVERYONE) && within(g, unit, tree)).toList();
        if (groups.isEmpty()) {
            return new FreeTextView(round.id, unit, instrument, item, Reason.GROUP_TOO_SMALL, List.of());
        }
        return new FreeTextView(round.id, unit, instrument, item, null, reports.texts(round.id, instrument, item, groups));
    }

    SurveyRound closed(UUID roundId) {
        SurveyRound round = rounds.findById(roundId);
        if (round == null) {
            throw ProblemException.notFound("round " + roundId);
        }
        if (round.status != SurveyRound.Status.CLOSED) {
            throw ProblemException.conflict("round " + round.name + " is " + round.status + ": results are shown once it has closed");
        }
        return round;
    }

    static void requireInRound(String unit, Map<String, String> tree) {
        if (unit != null && !tree.containsKey(unit)) {
            throw ProblemException.notFound("unit " + unit + " in the round");
        }
    }

    /** The rows of a breakdown: the unit (or everyone); by unit also its own staff and each child's subtree. */
    static List<String> rows(String unit, Breakdown by, Map<String, String> tree) {
        List<String> rows = new ArrayList<>(List.of(unit == null ? Demography.EVERYONE : "S:" + unit));
        if (by == Breakdown.UNIT) {
            List<String> children = tree.entrySet().stream()
                    .filter(e -> unit == null ? e.getValue() == null : unit.equals(e.getValue()))
                    .map(Map.Entry::getKey).sorted().toList();
            if (unit != null && !children.isEmpty()) {
                rows.add("O:" + unit);
            }
            children.forEach(c -> rows.add("S:" + c));
        }
        return rows;
    }

    static boolean within(String unit, String ancestor, Map<String, String> tree) {
        for (String u = unit; u != null; u = tree.get(u)) {
            if (u.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    static String rowUnit(String row) {
        return row.equals(Demography.EVERYONE) ? null : row.substring(2);
    }

    static String rowKind(String row) {
        return row.equals(Demography.EVERYONE) ? "EVERYONE" : row.startsWith("O:") ? "OWN_STAFF" : "SUBTREE";
    }

    private static String kind(RoundPublication.Measure m) {
        return m.item() ? "ITEM" : m.key().equals("TOTAL") ? "TOTAL" : "SUBSCALE";
    }

    private static ReportView.Group group(String row, String group, StoredCell cell, List<ReportView.MeasureInfo> measures) {
        if (cell == null || cell.reason() != null) {
            return new ReportView.Group(rowUnit(row), rowKind(row), group, cell == null ? Reason.NOT_DERIVABLE : cell.reason(),
                    null, List.of());
        }
        List<ReportView.Figure> figures = new ArrayList<>();
        for (ReportView.MeasureInfo m : measures) {
            Summary.Figures f = cell.figures().get(m.key());
            if (f == null) {
                continue;
            }
            Double index = f.mean() == null || !m.index() ? null : (f.mean() - m.min()) / (m.max() - m.min()) * 100;
            figures.add(new ReportView.Figure(m.key(), f.n(), f.mean(), f.sd(), f.ciLow(), f.ciHigh(), index,
                    f.distribution() == null ? null : Arrays.stream(f.distribution()).boxed().toList()));
        }
        return new ReportView.Group(rowUnit(row), rowKind(row), group, null, cell.respondents(), figures);
    }
}
