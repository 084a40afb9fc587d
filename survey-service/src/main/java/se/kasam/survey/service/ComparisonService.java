package se.kasam.survey.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import se.kasam.platform.disclosure.Reason;
import se.kasam.platform.problem.ProblemException;
import se.kasam.survey.SurveyRound;
import se.kasam.survey.config.SurveyConfig;
import se.kasam.survey.mapping.ComparisonView;
import se.kasam.survey.mapping.InstrumentRef;
import se.kasam.survey.repository.ComparisonRepository;
import se.kasam.survey.repository.ComparisonRepository.Pair;
import se.kasam.survey.repository.ComparisonRepository.StoredPair;
import se.kasam.survey.repository.ReportRepository;
import se.kasam.survey.repository.ReportRepository.StoredCell;
import se.kasam.survey.repository.RoundRepository;
import se.kasam.survey.rules.Change;
import se.kasam.survey.rules.Demography;
import se.kasam.survey.rules.InstrumentDefinition;
import se.kasam.survey.rules.RoundPublication;
import se.kasam.survey.rules.RoundPublication.Measure;
import se.kasam.survey.rules.Scoring;
import se.kasam.survey.rules.Summary;

/**
 * Baseline against follow-up. Paired: the people in both rounds (pseudonym), per score, over the follow-up's unit
 * rows and groups, protected once for the pair of rounds as a publication of its own (the differences are its
 * figures) and kept. Unpaired: from each round's own published figures only, so it shows nothing new.
 */
@ApplicationScoped
@Transactional
public class ComparisonService {
    static final List<String> GROUPS = List.of("ALL", "FEMALE", "MALE");

    @Inject
    Clock clock;

    @Inject
    SurveyConfig config;

    @Inject
    RoundRepository rounds;

    @Inject
    ReportRepository reports;

    @Inject
    ComparisonRepository comparisons;

    @Inject
    InstrumentService instruments;

    @Inject
    ReportService reportService;

    @Inject
    Publisher publisher;

    @Inject
    SurveyAccess access;

    public ComparisonView compare(UUID baselineId, UUID followUpId, String askedUnit) {
        if (baselineId.equals(followUpId)) {
            throw ProblemException.invalid("followUp", "Distinct", "a round is compared with another round");
        }
        SurveyRound baseline = reportService.closed(baselineId);
        SurveyRound followUp = reportService.closed(followUpId);
        String unit = access.unit(askedUnit);
        Map<String, String> tree = rounds.tree(followUp.id);
        ReportService.requireInRound(unit, tree);
        Map<String, InstrumentDefinition> shared = shared(baseline, followUp);
        List<StoredPair> paired = comparisons.find(baseline.id, followUp.id)
                .orElseGet(() -> computePaired(baseline.id, followUp.id, tree, shared));
        String row = unit == null ? Demography.EVERYONE : "S:" + unit;
        Map<String, StoredPair> pairedCells = paired.stream().filter(c -> c.row().equals(row))
                .collect(Collectors.toMap(c -> c.instrument() + "/" + c.group(), c -> c));
        List<ComparisonView.InstrumentComparison> out = new ArrayList<>();
        for (var e : shared.entrySet()) {
            String code = e.getKey();
            Map<String, StoredCell> before = cells(baseline.id, code, row);
            Map<String, StoredCell> after = cells(followUp.id, code, row);
            List<ComparisonView.MeasureComparison> measures = new ArrayList<>();
            for (var m : Scoring.ranges(e.getValue()).entrySet()) {
                Scoring.Range range = m.getValue();
                boolean index = e.getValue().scoring().index();
                List<ComparisonView.GroupComparison> groups = new ArrayList<>();
                for (String group : GROUPS) {
                    StoredPair p = pairedCells.get(code + "/" + group);
                    Reason pairedReason = p == null ? Reason.NOT_DERIVABLE : p.reason();
                    Change.Paired figures = p == null || p.reason() != null ? null : p.figures().get(m.getKey());
                    if (pairedReason == null && figures == null) {
                        pairedReason = Reason.GROUP_TOO_SMALL;
                    }
                    groups.add(unpaired(group, pairedReason, paired(figures, range, index), before.get(group), after.get(group), m.getKey()));
                }
                measures.add(new ComparisonView.MeasureComparison(m.getKey(), range.min(), range.max(), index, groups));
            }
            out.add(new ComparisonView.InstrumentComparison(code, measures));
        }
        return new ComparisonView(baseline.id, baseline.name, followUp.id, followUp.name, unit, config.minRespondents(), out);
    }

    /** The instruments of both rounds, as the follow-up defines them, with the scores both define. */
    private Map<String, InstrumentDefinition> shared(SurveyRound baseline, SurveyRound followUp) {
        Map<String, InstrumentRef> before = rounds.instruments(baseline.id).stream()
                .collect(Collectors.toMap(InstrumentRef::code, r -> r));
        Map<String, InstrumentDefinition> shared = new LinkedHashMap<>();
        for (InstrumentRef ref : rounds.instruments(followUp.id)) {
            InstrumentRef b = before.get(ref.code());
            if (b != null) {
                InstrumentDefinition d = instruments.definition(ref.code(), ref.version());
                Set<String> baselineScores = Scoring.ranges(instruments.definition(b.code(), b.version())).keySet();
                if (baselineScores.equals(Scoring.ranges(d).keySet())) {
                    shared.put(ref.code(), d);
                }
            }
        }
        return shared;
    }

    private List<StoredPair> computePaired(UUID baseline, UUID followUp, Map<String, String> tree,
                                           Map<String, InstrumentDefinition> shared) {
        List<Demography> atoms = reports.storedTuples(followUp);
        Map<Demography, Integer> atomIndex = new HashMap<>();
        for (int i = 0; i < atoms.size(); i++) {
            atomIndex.put(atoms.get(i), i);
        }
        List<String> rows = new ArrayList<>(List.of(Demography.EVERYONE));
        tree.keySet().forEach(u -> rows.add("S:" + u));
        List<StoredPair> cells = new ArrayList<>();
        for (var e : shared.entrySet()) {
            List<Measure> measures = new ArrayList<>();
            Scoring.ranges(e.getValue()).forEach((key, range) -> {
                double width = range.max() - range.min();
                measures.add(new Measure(key, -width, width, false));
            });
            List<Pair> pairs = comparisons.pairs(baseline, followUp, e.getKey());
            List<RoundPublication.Respondent> differences = new ArrayList<>();
            for (Pair p : pairs) {
                Double[] d = new Double[measures.size()];
                for (int m = 0; m < measures.size(); m++) {
                    double[] v = p.values().get(measures.get(m).key());
                    d[m] = v == null ? null : v[1] - v[0];
                }
                differences.add(new RoundPublication.Respondent(atomIndex.get(p.demography()), d));
            }
            Map<Integer, List<Pair>> byAtom = new HashMap<>();
            pairs.forEach(p -> byAtom.computeIfAbsent(atomIndex.get(p.demography()), a -> new ArrayList<>()).add(p));
            List<RoundPublication.PublishedCell> pattern = RoundPublication.protect(tree, atoms, measures, differences,
                    publisher.policy(), Integer.MAX_VALUE);
            for (RoundPublication.PublishedCell cell : pattern) {
                if (!GROUPS.contains(cell.group()) || !rows.contains(cell.row())) {
                    continue;
                }
                Map<String, Change.Paired> figures = new LinkedHashMap<>();
                if (cell.reason() == null) {
                    List<Pair> inCell = new ArrayList<>();
                    for (int a = 0; a < atoms.size(); a++) {
                        if (RoundPublication.contains(cell.row(), cell.group(), atoms.get(a), tree)) {
                            inCell.addAll(byAtom.getOrDefault(a, List.of()));
                        }
                    }
                    for (Measure m : measures) {
                        List<double[]> in = inCell.stream().map(p -> p.values().get(m.key())).filter(v -> v != null).toList();
                        if (in.size() >= config.minRespondents()) {
                            figures.put(m.key(), Change.paired(in.stream().mapToDouble(v -> v[0]).toArray(),
                                    in.stream().mapToDouble(v -> v[1]).toArray()));
                        }
                    }
                }
                cells.add(new StoredPair(e.getKey(), cell.row(), cell.group(), cell.reason(), figures));
            }
        }
        comparisons.store(baseline, followUp, cells, OffsetDateTime.now(clock));
        return cells;
    }

    private Map<String, StoredCell> cells(UUID round, String instrument, String row) {
        Map<String, StoredCell> byGroup = new HashMap<>();
        reports.cells(round, instrument, List.of(row)).forEach(c -> byGroup.put(c.group(), c));
        return byGroup;
    }

    private static ComparisonView.Paired paired(Change.Paired p, Scoring.Range range, boolean index) {
        if (p == null) {
            return null;
        }
        return new ComparisonView.Paired(p.n(), p.meanDifference(),
                index ? p.meanDifference() / (range.max() - range.min()) * 100 : null, finite(p.sdDifference()),
                finite(p.ciLow()), finite(p.ciHigh()), finite(p.t()), finite(p.df()), finite(p.pValue()),
                finite(p.wilcoxonW()), finite(p.wilcoxonPValue()), finite(p.dz()), finite(p.gz()), finite(p.dav()), finite(p.gav()));
    }

    private static ComparisonView.GroupComparison unpaired(String group, Reason pairedReason, ComparisonView.Paired paired,
                                                           StoredCell before, StoredCell after, String measure) {
        Reason reason = before == null ? Reason.NOT_DERIVABLE : before.reason() != null ? before.reason()
                : after == null ? Reason.NOT_DERIVABLE : after.reason();
        Summary.Figures b = reason == null ? before.figures().get(measure) : null;
        Summary.Figures a = reason == null ? after.figures().get(measure) : null;
        if (reason == null && (b == null || a == null || b.sd() == null || a.sd() == null)) {
            reason = Reason.GROUP_TOO_SMALL;
        }
        if (reason != null) {
            return new ComparisonView.GroupComparison(group, pairedReason, paired, reason, null);
        }
        Change.Unpaired u = Change.unpaired(b.n(), b.mean(), b.sd(), a.n(), a.mean(), a.sd());
        return new ComparisonView.GroupComparison(group, pairedReason, paired, null, new ComparisonView.Unpaired(
                b.n(), b.mean(), a.n(), a.mean(), u.meanDifference(), finite(u.ciLow()), finite(u.ciHigh()), finite(u.t()),
                finite(u.df()), finite(u.pValue()), finite(u.dav()), finite(u.gav())));
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
