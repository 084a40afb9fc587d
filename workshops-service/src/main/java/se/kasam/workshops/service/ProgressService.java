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
import se.kasam.workshops.rules.ProgressBreakdown;
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
        List<ProgressView.UnitProgress> children = ProgressBreakdown.below(tree, unitCode).stream()
                .map(child -> new ProgressView.UnitProgress(child, groups(figures.get("S:" + child)))).toList();
        return new ProgressView(unitCode, on == null ? LocalDate.now(clock) : on, forAll,
                groups(figures.get(unitCode == null ? ProgressPublication.EVERYONE : "S:" + unitCode)), children);
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
