package se.kasam.sickleave.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import se.kasam.sickleave.repository.StatisticsRepository;
import se.kasam.sickleave.repository.UnitRepository;
import se.kasam.sickleave.rules.GroupTotals;
import se.kasam.sickleave.rules.KeyFigures;
import se.kasam.sickleave.rules.KeyFigures.Figure;
import se.kasam.sickleave.rules.KeyFigures.Key;
import se.kasam.sickleave.rules.Suppression;

/**
 * The statutory figures for a period and a unit subtree, summed from the monthly facts (and, for purged months, from
 * the archived figures), suppressed whoever asks.
 */
@ApplicationScoped
@Transactional
public class StatisticsService {
    public static final String WHOLE = "*";

    @Inject
    StatisticsRepository statistics;

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

    /** A unit's subtree (or everyone, units null) as counted live, and its key in the archived figures. */
    record Scope(Set<String> units, String archived) {
        Map<String, String> rows() {
            if (units == null) {
                return null;
            }
            Map<String, String> rows = new HashMap<>();
            units.forEach(u -> rows.put(u, ""));
            return rows;
        }
    }

    /** Months as yyyy-MM (null: the last full calendar year); unit null: the whole municipality. */
    public KeyFiguresView keyFigures(String asked, String fromMonth, String toMonth) {
        String unit = access.unit(asked);
        YearMonth from = Months.first(fromMonth, clock);
        YearMonth to = Months.last(toMonth, clock);
        Scope scope = scope(unit);
        checkPeriod("from", from, to);
        Map<String, GroupTotals> totals = totals(scope, from, to);
        return new KeyFiguresView(unit, from, to, headCount(totals), KeyFigures.of(totals, suppression()));
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
        YearMonth liveFrom = YearMonth.from(facts.liveFrom());
        StatisticsRepository.Rows live = to.isBefore(liveFrom) ? new StatisticsRepository.Rows(Map.of())
                : statistics.live(max(from, liveFrom).atDay(1), to.atDay(1), scope.rows(), true);
        List<MonthFigures> months = new ArrayList<>();
        Suppression suppression = suppression();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            Map<String, GroupTotals> totals = m.isBefore(liveFrom) ? archived(scope.archived(), m, m)
                    : live.row(m.atDay(1) + "|");
            months.add(new MonthFigures(m, headCount(totals), KeyFigures.of(totals, suppression)));
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
        Map<String, String> rows = new HashMap<>();
        rows.put(unit, "O:" + unit);
        for (Unit child : children) {
            units.subtrees(Set.of(child.code)).forEach(u -> rows.put(u, "S:" + child.code));
        }
        Map<String, Map<String, GroupTotals>> table = new LinkedHashMap<>();
        table.put("S:" + unit, totals(scope, from, to));
        Map<String, Map<String, GroupTotals>> parts = rowTotals(rows, from, to);
        table.put("O:" + unit, parts.getOrDefault("O:" + unit, Map.of()));
        children.forEach(c -> table.put("S:" + c.code, parts.getOrDefault("S:" + c.code, Map.of())));
        Map<String, List<Figure>> figures = KeyFigures.table(table, "S:" + unit, suppression());
        return new BreakdownView(unit, from, to, unitFigures(unit, table, figures, "S:" + unit),
                unitFigures(unit, table, figures, "O:" + unit),
                children.stream().map(c -> unitFigures(c.code, table, figures, "S:" + c.code)).toList());
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
            Map<String, GroupTotals> totals = totals(scope, from, to);
            figures.add(new PeriodFigures(period.getKey(), from, to, headCount(totals), KeyFigures.of(totals, suppression())));
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

    private static UnitFigures unitFigures(String unit, Map<String, Map<String, GroupTotals>> table,
                                           Map<String, List<Figure>> figures, String row) {
        return new UnitFigures(unit, headCount(table.get(row)), figures.get(row));
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

    private Map<String, Map<String, GroupTotals>> rowTotals(Map<String, String> unitRows, YearMonth from, YearMonth to) {
        YearMonth liveFrom = YearMonth.from(facts.liveFrom());
        Map<String, Map<String, GroupTotals>> rows = new HashMap<>();
        if (from.isBefore(liveFrom)) {
            for (String row : Set.copyOf(unitRows.values())) {
                rows.put(row, archived(row, from, min(to, liveFrom.minusMonths(1))));
            }
        }
        if (!to.isBefore(liveFrom)) {
            statistics.live(max(from, liveFrom).atDay(1), to.atDay(1), unitRows, false).byRow()
                    .forEach((key, totals) -> rows.merge(key.substring(1), totals, StatisticsService::later));
        }
        return rows;
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

    private static int headCount(Map<String, GroupTotals> byGender) {
        return byGender.values().stream().mapToInt(GroupTotals::heads).sum();
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

    private Suppression suppression() {
        return new Suppression(config.suppressionThreshold());
    }

    private static YearMonth max(YearMonth a, YearMonth b) {
        return a.isAfter(b) ? a : b;
    }

    private static YearMonth min(YearMonth a, YearMonth b) {
        return a.isBefore(b) ? a : b;
    }
}
