package se.kasam.sickleave.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import se.kasam.platform.problem.ProblemException;
import se.kasam.sickleave.Unit;
import se.kasam.sickleave.config.SickleaveConfig;
import se.kasam.sickleave.mapping.StatisticsViews.BreakdownView;
import se.kasam.sickleave.mapping.StatisticsViews.Change;
import se.kasam.sickleave.mapping.StatisticsViews.KeyFiguresView;
import se.kasam.sickleave.mapping.StatisticsViews.MonthFigures;
import se.kasam.sickleave.mapping.StatisticsViews.MonthlyView;
import se.kasam.sickleave.mapping.StatisticsViews.PeriodFigures;
import se.kasam.sickleave.mapping.StatisticsViews.ProgrammeView;
import se.kasam.sickleave.mapping.StatisticsViews.UnitFigures;
import se.kasam.sickleave.repository.PublicationRepository;
import se.kasam.sickleave.repository.StatisticsRepository;
import se.kasam.sickleave.repository.UnitRepository;
import se.kasam.sickleave.rules.GroupTotals;
import se.kasam.sickleave.rules.KeyFigures;
import se.kasam.sickleave.rules.KeyFigures.Figure;
import se.kasam.sickleave.rules.KeyFigures.Key;
import se.kasam.sickleave.rules.PublishedFigures;
import se.kasam.sickleave.rules.PublishedFigures.Heads;

/**
 * The statutory figures for a period and a unit subtree, answered from the year's protected publication
 * ({@link se.kasam.sickleave.rules.YearPublication}): the same figure is shown or hidden the same way whoever asks and
 * however it is reached. Head counts of periods that are not one cell are counted from the monthly facts (and, for
 * purged months, the archived figures).
 */
@ApplicationScoped
@Transactional
public class StatisticsService {
    public static final String WHOLE = "*";

    @Inject
    StatisticsRepository statistics;

    @Inject
    PublicationRepository publications;

    @Inject
    PublicationService publication;

    @Inject
    UnitRepository units;

    @Inject
    FactService facts;

    @Inject
    SickleaveConfig config;

    @Inject
    Clock clock;

    @Inject
    StatisticsAccess access;

    /** A unit's subtree or own staff (or everyone, units null) as counted live, and its key in the archived figures. */
    record Scope(Set<String> units, String archived) {
        Map<String, String> rows() {
            if (units == null) {
                return null;
            }
            Map<String, String> rows = new HashMap<>();
            units.forEach(u -> rows.put(u, ""));
            return rows;
        }

        /** Its row in the publication. */
        String row() {
            return archived;
        }
    }

    /** Months as yyyy-MM (null: the last full calendar year); unit null: the whole municipality. */
    public KeyFiguresView keyFigures(String asked, String fromMonth, String toMonth) {
        String unit = access.unit(asked);
        YearMonth from = Months.first(fromMonth, clock);
        YearMonth to = Months.last(toMonth, clock);
        Scope scope = scope(unit);
        checkPeriod("from", from, to);
        PublishedFigures published = published(List.of(scope.row()), from, to).get(scope.row());
        Supplier<Heads> heads = heads(scope, from, to);
        return new KeyFiguresView(unit, from, to, published.employees(from, to, heads), published.figures(from, to, heads));
    }

    public MonthlyView monthly(String asked, String fromMonth, String toMonth) {
        String unit = access.unit(asked);
        YearMonth from = Months.first(fromMonth, clock);
        YearMonth to = Months.last(toMonth, clock);
        Scope scope = scope(unit);
        checkPeriod("from", from, to);
        if (from.plusMonths(120).isBefore(to)) {
            throw ProblemException.invalid("to", "MaxMonths", "a series is at most 120 months");
        }
        PublishedFigures published = published(List.of(scope.row()), from, to).get(scope.row());
        List<MonthFigures> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            Supplier<Heads> heads = heads(scope, m, m);
            months.add(new MonthFigures(m, published.employees(m, m, heads), published.figures(m, m, heads)));
        }
        return new MonthlyView(unit, from, to, months);
    }

    public BreakdownView breakdown(String asked, String fromMonth, String toMonth) {
        String unit = access.unit(asked);
        YearMonth from = Months.first(fromMonth, clock);
        YearMonth to = Months.last(toMonth, clock);
        if (unit == null) {
            throw ProblemException.invalid("unit", "NotNull", "name the unit whose child units to break down");
        }
        Scope scope = scope(unit);
        checkPeriod("from", from, to);
        List<Unit> children = units.children(unit);
        // a unit with no units below it has no row of its own staff: its own staff is its subtree
        Scope own = new Scope(Set.of(unit), children.isEmpty() ? "S:" + unit : "O:" + unit);
        List<Scope> childScopes = children.stream().map(c -> scope(c.code)).toList();
        List<String> rows = new ArrayList<>(List.of(scope.row(), own.row()));
        childScopes.forEach(c -> rows.add(c.row()));
        Map<String, PublishedFigures> published = published(rows, from, to);
        return new BreakdownView(unit, from, to, unitFigures(unit, scope, published, from, to),
                unitFigures(unit, own, published, from, to),
                childScopes.stream().map(c -> unitFigures(c.row().substring(2), c, published, from, to)).toList());
    }

    /** periods: name:yyyy-MM/yyyy-MM each; none: the configured programme periods. */
    public ProgrammeView programme(String unitAsked, List<String> named) {
        String unit = access.unit(unitAsked);
        Map<String, String> periods = Months.named(named);
        Scope scope = scope(unit);
        Map<String, String> asked = periods.isEmpty() ? config.programmePeriods() : periods;
        List<PeriodFigures> figures = new ArrayList<>();
        for (var period : asked.entrySet()) {
            String[] months = period.getValue().split("/");
            YearMonth from;
            YearMonth to;
            try {
                from = YearMonth.parse(months[0].strip());
                to = YearMonth.parse(months.length == 2 ? months[1].strip() : "");
            } catch (RuntimeException e) {
                throw ProblemException.invalid("period", "Format", "a period is name:yyyy-MM/yyyy-MM, not '"
                        + period.getKey() + ":" + period.getValue() + "'");
            }
            checkPeriod("period", from, to);
            PublishedFigures published = published(List.of(scope.row()), from, to).get(scope.row());
            Supplier<Heads> heads = heads(scope, from, to);
            figures.add(new PeriodFigures(period.getKey(), from, to, published.employees(from, to, heads),
                    published.figures(from, to, heads)));
        }
        figures.sort((a, b) -> a.from().compareTo(b.from()));
        List<Change> changes = new ArrayList<>();
        if (!figures.isEmpty()) {
            PeriodFigures first = figures.getFirst();
            for (PeriodFigures later : figures.subList(1, figures.size())) {
                for (Key key : List.of(Key.TOTAL, Key.WOMEN, Key.MEN)) {
                    Double a = percent(first, key);
                    Double b = percent(later, key);
                    changes.add(new Change(later.name(), first.name(), key.name(),
                            a == null || b == null ? null : Math.round((b - a) * 100) / 100.0));
                }
            }
        }
        return new ProgrammeView(unit, figures, changes);
    }

    private static Double percent(PeriodFigures period, Key key) {
        return period.figures().stream().filter(f -> f.key() == key).findFirst().map(Figure::percent).orElse(null);
    }

    private UnitFigures unitFigures(String unit, Scope scope, Map<String, PublishedFigures> published, YearMonth from,
                                    YearMonth to) {
        Supplier<Heads> heads = heads(scope, from, to);
        PublishedFigures row = published.get(scope.row());
        return new UnitFigures(unit, row.employees(from, to, heads), row.figures(from, to, heads));
    }

    /** The rows' published cells of the period's years, read in one statement. */
    private Map<String, PublishedFigures> published(List<String> rows, YearMonth from, YearMonth to) {
        Map<String, Map<Integer, Map<String, se.kasam.sickleave.rules.YearPublication.PublishedCell>>> cells =
                publications.cells(rows, from.getYear(), to.getYear());
        Map<String, PublishedFigures> byRow = new HashMap<>();
        rows.forEach(r -> byRow.put(r, new PublishedFigures(cells.getOrDefault(r, Map.of()), publication.policy())));
        return byRow;
    }

    /** The period's head counts, counted only if a figure needs them. */
    private Supplier<Heads> heads(Scope scope, YearMonth from, YearMonth to) {
        Heads[] counted = new Heads[1];
        return () -> {
            if (counted[0] == null) {
                counted[0] = KeyFigures.heads(totals(scope, from, to));
            }
            return counted[0];
        };
    }

    /** The totals of a scope over months, the purged months from the archive, the others from the facts. */
    Map<String, GroupTotals> totals(Scope scope, YearMonth from, YearMonth to) {
        YearMonth liveFrom = YearMonth.from(facts.liveFrom());
        Map<String, GroupTotals> totals = from.isBefore(liveFrom)
                ? archived(scope.archived(), from, min(to, liveFrom.minusMonths(1))) : Map.of();
        if (!to.isBefore(liveFrom)) {
            Map<String, GroupTotals> live = statistics.live(max(from, liveFrom).atDay(1), to.atDay(1), scope.rows(), false).row("|");
            totals = later(totals, live);
        }
        return totals;
    }

    /** Archived totals of a scope: whole years from the year figures, other months one by one. */
    private Map<String, GroupTotals> archived(String scope, YearMonth from, YearMonth to) {
        StatisticsRepository.Rows rows = statistics.archived(List.of(scope), from.atDay(1), to.atDay(1));
        Map<String, GroupTotals> totals = Map.of();
        YearMonth m = from;
        while (!m.isAfter(to)) {
            boolean wholeYear = m.getMonthValue() == 1 && !m.plusMonths(11).isAfter(to);
            YearMonth last = wholeYear ? m.plusMonths(11) : m;
            totals = later(totals, rows.row(scope + "|" + m.atDay(1) + "|" + last.atDay(1)));
            m = last.plusMonths(1);
        }
        return totals;
    }

    private static Map<String, GroupTotals> later(Map<String, GroupTotals> a, Map<String, GroupTotals> b) {
        if (a.isEmpty()) {
            return b;
        }
        Map<String, GroupTotals> merged = new HashMap<>(a);
        b.forEach((gender, t) -> merged.merge(gender, t, GroupTotals::andLater));
        return merged;
    }

    private Scope scope(String unit) {
        if (unit == null) {
            return new Scope(null, WHOLE);
        }
        if (units.findById(unit) == null) {
            throw ProblemException.notFound("unit " + unit);
        }
        return new Scope(units.subtrees(Set.of(unit)), "S:" + unit);
    }

    private void checkPeriod(String field, YearMonth from, YearMonth to) {
        YearMonth first = YearMonth.parse(config.firstMonth());
        if (from.isAfter(to)) {
            throw ProblemException.invalid(field, "FromNotAfterTo", "the period starts " + from + ", after it ends " + to);
        }
        if (from.isBefore(first)) {
            throw ProblemException.invalid(field, "NotBeforeFirstMonth", "the statistics start in " + first);
        }
        if (to.isAfter(YearMonth.now(clock))) {
            throw ProblemException.invalid("to", "NotInFuture", "the period ends after this month, " + YearMonth.now(clock));
        }
    }

    private static YearMonth max(YearMonth a, YearMonth b) {
        return a.isAfter(b) ? a : b;
    }

    private static YearMonth min(YearMonth a, YearMonth b) {
        return a.isBefore(b) ? a : b;
    }
}
