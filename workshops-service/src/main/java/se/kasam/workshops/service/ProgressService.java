package se.kasam.workshops.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import se.kasam.platform.disclosure.Policy;
import se.kasam.platform.problem.ProblemException;
import se.kasam.workshops.Booking;
import se.kasam.workshops.Employee;
import se.kasam.workshops.WorkshopModule;
import se.kasam.workshops.config.WorkshopsConfig;
import se.kasam.workshops.mapping.EmployeeProgressView;
import se.kasam.workshops.mapping.ProgressView;
import se.kasam.workshops.repository.BookingRepository;
import se.kasam.workshops.repository.HourRepository;
import se.kasam.workshops.repository.ModuleRepository;
import se.kasam.workshops.repository.ProgressRepository;
import se.kasam.workshops.rules.ProgressPublication;

/**
 * Progress: per employee (their own, their manager's, the project lead's), and per unit subtree and for the whole
 * municipality as one protected publication of today's staff, so no two answers together give a small group away.
 */
@ApplicationScoped
public class ProgressService {
    @Inject
    Clock clock;

    @Inject
    WorkshopsConfig config;

    @Inject
    WorkshopsAccess access;

    @Inject
    ProgressRepository progress;

    @Inject
    BookingRepository bookings;

    @Inject
    ModuleRepository modules;

    @Inject
    HourRepository hours;

    @Transactional(Transactional.TxType.SUPPORTS)
    /** @param onText whose staff: the employees on this day (yyyy-MM-dd; null: today) */
    public ProgressView of(String unitCode, String onText) {
        LocalDate on = QueryValues.date("on", onText);
        Map<String, String> tree = progress.tree();
        if (unitCode != null) {
            if (!tree.containsKey(unitCode)) {
                throw ProblemException.notFound("unit " + unitCode);
            }
            access.unit(unitCode);
        } else if (!access.seesEveryUnit()) {
            throw ProblemException.invalid("unit", "NotNull", "managers see the progress of the units they manage: name one");
        }
        List<String> forAll = progress.modulesForAll();
        var figures = ProgressPublication.protect(tree, progress.staffOn(on == null ? LocalDate.now(clock) : on), forAll.size(),
                new Policy(config.minGroupSize() - 1, 0, 0.05));
        List<ProgressView.UnitProgress> children = below(tree, unitCode).stream()
                .map(child -> new ProgressView.UnitProgress(child, groups(figures.get("S:" + child)))).toList();
        return new ProgressView(unitCode, on == null ? LocalDate.now(clock) : on, forAll,
                groups(figures.get(unitCode == null ? ProgressPublication.EVERYONE : "S:" + unitCode)), children);
    }

    /**
     * The units right below a unit; below the whole municipality its top units, or, when one root unit is the
     * municipality itself, that unit's children (a breakdown of one row would only repeat the total).
     */
    static List<String> below(Map<String, String> tree, String unitCode) {
        if (unitCode == null) {
            List<String> roots = tree.entrySet().stream().filter(u -> u.getValue() == null || !tree.containsKey(u.getValue()))
                    .map(Map.Entry::getKey).sorted().toList();
            return roots.size() == 1 ? below(tree, roots.getFirst()) : roots;
        }
        return tree.entrySet().stream().filter(u -> unitCode.equals(u.getValue())).map(Map.Entry::getKey).sorted().toList();
    }

    private static List<ProgressView.Group> groups(Map<String, ProgressPublication.Figures> row) {
        List<ProgressView.Group> groups = new ArrayList<>();
        for (String group : ProgressPublication.GROUPS) {
            ProgressPublication.Figures f = row.get(group);
            if (f.reason() != null) {
                groups.add(new ProgressView.Group(group, null, null, f.reason().name()));
                continue;
            }
            List<ProgressView.Done> done = new ArrayList<>();
            for (int k = 0; k < f.counts().length; k++) {
                done.add(new ProgressView.Done(k, f.counts()[k],
                        f.staff() == 0 ? 0 : Math.round(10000.0 * f.counts()[k] / f.staff()) / 10000.0));
            }
            groups.add(new ProgressView.Group(group, f.staff(), done, null));
        }
        return groups;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public EmployeeProgressView ofEmployee(String employeeNumber) {
        Employee employee = access.readFor(employeeNumber);
        Map<String, WorkshopModule> byCode = new java.util.HashMap<>();
        modules.listAll().forEach(m -> byCode.put(m.code, m));
        List<String> done = bookings.ofEmployee(employee.employeeNumber).stream()
                .filter(b -> b.is(Booking.Status.ATTENDED)).map(b -> b.moduleCode).distinct()
                .sorted(Comparator.comparing(code -> byCode.get(code).ordinal)).toList();
        List<String> forAll = progress.modulesForAll();
        BigDecimal total = hours.byActivity(employee.employeeNumber).stream().map(r -> (BigDecimal) r[1])
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new EmployeeProgressView(employee.employeeNumber, done, (int) done.stream().filter(forAll::contains).count(),
                forAll.size(), progress.trioMeetingsOf(employee.employeeNumber), total);
    }
}
