package se.kasam.participants.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import org.jboss.logging.Logger;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import se.kasam.participants.mapping.EmployeeChanged;
import se.kasam.participants.mapping.EmployeeInput;
import se.kasam.participants.mapping.HrBatch;
import se.kasam.participants.mapping.ImportReport;
import se.kasam.participants.mapping.ParticipantMapper;
import se.kasam.participants.mapping.UnitChanged;
import se.kasam.participants.mapping.UnitInput;
import se.kasam.participants.mapping.Versioned;
import se.kasam.participants.repository.EmployeeRepository;
import se.kasam.participants.repository.UnitRepository;
import se.kasam.participants.rules.EmployeeRules;
import se.kasam.participants.rules.UnitRules;
import se.kasam.participants.rules.UnitTree;
import se.kasam.platform.outbox.Outbox;
import se.kasam.platform.batch.BatchRow;
import se.kasam.platform.batch.ImportMode;
import se.kasam.platform.batch.RowResult;
import se.kasam.platform.batch.RowResult.Counts;
import se.kasam.platform.batch.RowResult.Outcome;
import se.kasam.platform.problem.Problem.Violation;
import se.kasam.platform.problem.ProblemException;
import se.kasam.platform.problem.ProblemType;
import se.kasam.platform.problem.Violations;

/**
 * Applies an HR batch: every row is checked and compared with what is stored, and only real changes are written
 * and published, so sending the same batch twice changes nothing the second time. Units come first, so employees
 * may name units of the same batch. Imports run one at a time (an advisory lock).
 */
@ApplicationScoped
@Transactional
public class HrImportService {
    private static final Logger LOG = Logger.getLogger(HrImportService.class);
    /** Any constant, the same in every replica. */
    private static final long IMPORT_LOCK = 0x6b6173616d4852L;

    @Inject
    UnitRepository units;

    @Inject
    EmployeeRepository employees;

    @Inject
    Outbox outbox;

    @Inject
    Validator validator;

    @Inject
    EntityManager em;

    @Inject
    TrioService trios;

    @Inject
    Clock clock;

    /**
     * @param full      the batch holds every employee: one missing from it is marked as left on the batch date
     * @param batchDate the day the batch describes (default today)
     */
    public ImportReport run(HrBatch batch, ImportMode mode, boolean full, LocalDate batchDate) {
        long start = System.nanoTime();
        if (batchDate == null) {
            batchDate = LocalDate.now(clock);
        }
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, IMPORT_LOCK).getSingleResult();
        Map<String, Versioned<UnitInput>> storedUnits = units.states();
        Map<String, Versioned<EmployeeInput>> storedEmployees = employees.states();

        Plan<UnitInput> unitPlan = planUnits(batch.units(), storedUnits);
        Set<String> knownUnits = new HashSet<>(storedUnits.keySet());
        unitPlan.accepted.forEach(u -> knownUnits.add(u.code()));
        Plan<EmployeeInput> employeePlan = planEmployees(batch.employees(), storedEmployees, knownUnits);
        if (full) {
            markLeft(employeePlan, storedEmployees, batchDate);
        }

        long planned = System.nanoTime();
        boolean rejected = unitPlan.rejected() || employeePlan.rejected();
        if (mode == ImportMode.ATOMIC && rejected) {
            throw rejection(unitPlan, employeePlan);
        }
        boolean apply = mode != ImportMode.DRY_RUN;
        if (apply) {
            write(unitPlan, employeePlan);
        }
        LOG.infof("HR import (%s%s): units %s, employees %s; read and compared in %d ms, written in %d ms", mode,
                full ? ", full" : "", Counts.of(unitPlan.rows), Counts.of(employeePlan.rows),
                (planned - start) / 1_000_000, (System.nanoTime() - planned) / 1_000_000);
        return new ImportReport(mode, full, batchDate, apply, Counts.of(unitPlan.rows),
                Counts.of(employeePlan.rows), unitPlan.rows, employeePlan.rows);
    }

    private Plan<UnitInput> planUnits(List<BatchRow<UnitInput>> rows, Map<String, Versioned<UnitInput>> stored) {
        Plan<UnitInput> plan = new Plan<>();
        Map<Integer, List<Violation>> errorsOf = new HashMap<>();
        Map<String, String> parentOf = new HashMap<>();
        stored.forEach((code, unit) -> parentOf.put(code, unit.state().parentCode()));
        Set<String> seen = new HashSet<>();
        for (BatchRow<UnitInput> row : rows) {
            List<Violation> errors = new ArrayList<>(check(row, seen));
            if (errors.isEmpty()) {
                errors.addAll(UnitRules.violations(row.value()));
            }
            if (errors.isEmpty()) {
                parentOf.put(row.value().code(), row.value().parentCode());
            }
            errorsOf.put(row.number(), errors);
        }
        // places are checked against the whole tree as the batch would leave it
        for (BatchRow<UnitInput> row : rows) {
            List<Violation> errors = errorsOf.get(row.number());
            if (errors.isEmpty()) {
                UnitTree.checkPlace(parentOf, row.value().code()).ifPresent(errors::add);
            }
            if (errors.isEmpty()) {
                UnitInput unit = ParticipantMapper.normalized(row.value());
                plan.classify(row.number(), unit.code(), unit, stored.get(unit.code()));
            } else {
                plan.reject(row, errors);
            }
        }
        return plan;
    }

    private Plan<EmployeeInput> planEmployees(List<BatchRow<EmployeeInput>> rows,
                                              Map<String, Versioned<EmployeeInput>> stored, Set<String> knownUnits) {
        int n = rows.size();
        EmployeeInput[] states = new EmployeeInput[n];
        List<List<Violation>> errors = new ArrayList<>(java.util.Collections.nCopies(n, List.of()));
        // rows are independent: checked in parallel; a row equal to what is stored was checked when it was stored
        IntStream.range(0, n).parallel().forEach(i -> {
            BatchRow<EmployeeInput> row = rows.get(i);
            if (row.value() == null) {
                errors.set(i, row.errors());
                return;
            }
            states[i] = ParticipantMapper.normalized(row.value());
            Versioned<EmployeeInput> before = stored.get(row.key());
            if (before != null && before.state().equals(states[i])) {
                return;
            }
            List<Violation> found = new ArrayList<>();
            validator.validate(row.value()).forEach(v -> found.add(Violations.of(v)));
            found.addAll(EmployeeRules.violations(row.value()));
            if (row.value().unitCode() != null && !knownUnits.contains(row.value().unitCode())) {
                found.add(new Violation("unitCode", "UnitExists",
                        "no unit with code " + row.value().unitCode() + " in this batch or already known"));
            }
            errors.set(i, found);
        });
        Plan<EmployeeInput> plan = new Plan<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            BatchRow<EmployeeInput> row = rows.get(i);
            List<Violation> rowErrors = errors.get(i);
            if (row.key() != null && !seen.add(row.key())) {
                rowErrors = new ArrayList<>(rowErrors);
                rowErrors.add(new Violation("employeeNumber", "UniqueInBatch", row.key() + " appears more than once in the batch"));
            }
            if (rowErrors.isEmpty()) {
                plan.classify(row.number(), row.key(), states[i], stored.get(row.key()));
            } else {
                plan.reject(row, rowErrors);
            }
        }
        return plan;
    }

    /** A full batch: anyone employed on the batch date but missing from it has left on that date. */
    private void markLeft(Plan<EmployeeInput> plan, Map<String, Versioned<EmployeeInput>> stored, LocalDate batchDate) {
        stored.values().stream()
                .filter(e -> !plan.keys.contains(e.state().employeeNumber()))
                .filter(e -> e.state().endDate() == null || e.state().endDate().isAfter(batchDate))
                .sorted((a, b) -> a.state().employeeNumber().compareTo(b.state().employeeNumber()))
                .forEach(e -> {
                    EmployeeInput left = ParticipantMapper.withEndDate(e.state(), batchDate);
                    plan.updated.add(new Versioned<>(left, e.version() + 1));
                    plan.rows.add(new RowResult(0, left.employeeNumber(), Outcome.LEFT, List.of()));
                });
    }

    /** A unit row: readable, bean validation, and each code once per batch. */
    private List<Violation> check(BatchRow<UnitInput> row, Set<String> seen) {
        if (row.value() == null) {
            return row.errors();
        }
        List<Violation> errors = new ArrayList<>();
        validator.validate(row.value()).forEach(v -> errors.add(Violations.of(v)));
        if (row.key() != null && !seen.add(row.key())) {
            errors.add(new Violation("code", "UniqueInBatch",
                    row.key() + " appears more than once in the batch"));
        }
        return errors;
    }

    private void write(Plan<UnitInput> unitPlan, Plan<EmployeeInput> employeePlan) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = LocalDate.now(clock);
        units.insertAll(unitPlan.created, now);
        units.updateAll(unitPlan.updated, now);
        employees.insertAll(employeePlan.created, now);
        employees.updateAll(employeePlan.updated, now);

        List<Outbox.Pending> unitEvents = new ArrayList<>();
        unitPlan.created.forEach(u -> unitEvents.add(new Outbox.Pending(u.code(), ParticipantMapper.toEvent(u, 0))));
        unitPlan.updated.forEach(u -> unitEvents.add(
                new Outbox.Pending(u.state().code(), ParticipantMapper.toEvent(u.state(), u.version()))));
        outbox.publishAll(UnitChanged.TOPIC, UnitChanged.TYPE, unitEvents);

        List<Outbox.Pending> employeeEvents = new ArrayList<>();
        employeePlan.created.forEach(e -> employeeEvents.add(
                new Outbox.Pending(e.employeeNumber(), ParticipantMapper.toEvent(e, 0, today))));
        employeePlan.updated.forEach(e -> employeeEvents.add(new Outbox.Pending(e.state().employeeNumber(),
                ParticipantMapper.toEvent(e.state(), e.version(), today))));
        outbox.publishAll(EmployeeChanged.TOPIC, EmployeeChanged.TYPE, employeeEvents);
        trios.repairLeavers();
    }

    /** An atomic batch with a rejected row: a problem naming every rejected row's fields; nothing was written. */
    private static ProblemException rejection(Plan<UnitInput> unitPlan, Plan<EmployeeInput> employeePlan) {
        List<Violation> errors = new ArrayList<>();
        errors.addAll(RowResult.errors("units", unitPlan.rows));
        errors.addAll(RowResult.errors("employees", employeePlan.rows));
        long rows = unitPlan.rows.stream().filter(r -> r.outcome() == Outcome.REJECTED).count()
                + employeePlan.rows.stream().filter(r -> r.outcome() == Outcome.REJECTED).count();
        return new ProblemException(ProblemType.VALIDATION, rows + " rows rejected, so nothing was written "
                + "(atomic mode); fields are named as employees[row].field, rows counted from 1; "
                + "send mode=dry-run for the full report or mode=partial to apply the valid rows", errors);
    }

    /** What one section of the batch will do. */
    private static final class Plan<T> {
        final List<RowResult> rows = new ArrayList<>();
        final List<T> created = new ArrayList<>();
        final List<Versioned<T>> updated = new ArrayList<>();
        final Set<String> keys = new HashSet<>();
        final List<T> accepted = new ArrayList<>();

        void classify(int number, String key, T state, Versioned<T> stored) {
            keys.add(key);
            accepted.add(state);
            Outcome outcome;
            if (stored == null) {
                created.add(state);
                outcome = Outcome.CREATED;
            } else if (stored.state().equals(state)) {
                outcome = Outcome.UNCHANGED;
            } else {
                updated.add(new Versioned<>(state, stored.version() + 1));
                outcome = Outcome.UPDATED;
            }
            rows.add(new RowResult(number, key, outcome, List.of()));
        }

        void reject(BatchRow<?> row, List<Violation> errors) {
            if (row.key() != null) {
                keys.add(row.key());
            }
            rows.add(new RowResult(row.number(), row.key(), Outcome.REJECTED, errors));
        }

        boolean rejected() {
            return rows.stream().anyMatch(r -> r.outcome() == Outcome.REJECTED);
        }
    }
}
