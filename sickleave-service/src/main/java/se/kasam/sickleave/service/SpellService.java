package se.kasam.sickleave.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import se.kasam.platform.batch.BatchRow;
import se.kasam.platform.batch.ImportMode;
import se.kasam.platform.batch.RowResult;
import se.kasam.platform.batch.RowResult.Counts;
import se.kasam.platform.batch.RowResult.Outcome;
import se.kasam.platform.problem.Problem.Violation;
import se.kasam.platform.problem.ProblemException;
import se.kasam.platform.problem.ProblemType;
import se.kasam.platform.problem.Violations;
import se.kasam.platform.web.Versions;
import se.kasam.sickleave.mapping.SpellImportReport;
import se.kasam.sickleave.mapping.SpellInput;
import se.kasam.sickleave.repository.SpellStore;
import se.kasam.sickleave.repository.SpellStore.Stored;
import se.kasam.sickleave.rules.SpellRules;
import se.kasam.sickleave.rules.SpellRules.Days;

/**
 * Writes absence spells: a batch from HR/payroll, or one spell. Every row is checked (fields, periods, overlap with
 * the employee's other spells, stored or in the batch); only real changes are written, and the facts of the
 * employees touched are recomputed in the same transaction.
 */
@ApplicationScoped
@Transactional
public class SpellService {
    private static final Logger LOG = Logger.getLogger(SpellService.class);

    @Inject
    SpellStore store;

    @Inject
    FactService facts;

    @Inject
    Validator validator;

    /** The outcome of writing one spell: what happened and its version now (0 when deleted). */
    public record Written(Outcome outcome, int version) {
    }

    public SpellImportReport importBatch(List<BatchRow<SpellInput>> rows, ImportMode mode, String actor) {
        long started = System.nanoTime();
        Plan plan = plan(rows);
        boolean rejected = plan.rows.stream().anyMatch(r -> r.outcome() == Outcome.REJECTED);
        if (mode == ImportMode.ATOMIC && rejected) {
            throw new ProblemException(ProblemType.VALIDATION, Counts.of(plan.rows).rejected() + " rows rejected, so "
                    + "nothing was written (atomic mode); fields are named as spells[row].field, rows counted from 1; "
                    + "send mode=dry-run for the full report or mode=partial to apply the valid rows",
                    RowResult.errors("spells", plan.rows));
        }
        boolean apply = mode != ImportMode.DRY_RUN;
        if (apply) {
            write(plan, actor);
        }
        LOG.infof("spell import (%s): %s in %d ms", mode, Counts.of(plan.rows), (System.nanoTime() - started) / 1_000_000);
        return new SpellImportReport(mode, apply, Counts.of(plan.rows), plan.rows);
    }

    /**
     * Creates or replaces one spell. Replacing needs {@code ifMatch}, the stored spell's ETag (428 without, 412 stale);
     * creating needs none, and {@code ifNoneMatch} "*" makes it create-only (412 when the spell exists).
     */
    public Written upsert(SpellInput spell, String ifMatch, String ifNoneMatch, String actor) {
        Plan plan = plan(List.of(new BatchRow<>(1, spell.spellId(), spell, List.of())));
        RowResult row = plan.rows.getFirst();
        if (row.outcome() == Outcome.REJECTED) {
            throw new ProblemException(ProblemType.VALIDATION, "the spell breaks a rule", row.errors());
        }
        Stored stored = plan.stored.get(spell.spellId());
        if (stored != null && "*".equals(ifNoneMatch == null ? null : ifNoneMatch.strip())) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "spell " + spell.spellId() + " exists already");
        }
        if (stored != null) {
            Versions.requireMatch(ifMatch, stored.version());
        } else if (ifMatch != null && !ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    "spell " + spell.spellId() + " does not exist, so no version of it can match");
        }
        write(plan, actor);
        return new Written(row.outcome(), plan.versions.getOrDefault(spell.spellId(), stored == null ? 0 : stored.version()));
    }

    public void delete(String spellId, String ifMatch) {
        facts.lock();
        Map<String, Stored> stored = store.touching(List.of(), List.of(spellId));
        Stored spell = stored.get(spellId);
        if (spell == null) {
            throw ProblemException.notFound("spell " + spellId);
        }
        Versions.requireMatch(ifMatch, spell.version());
        store.write(List.of(spellId), List.of(), Map.of(), "");
        facts.recompute(List.of(spell.spell().employeeNumber()));
    }

    private void write(Plan plan, String actor) {
        if (plan.changed.isEmpty()) {
            return;
        }
        store.write(plan.changed.stream().map(SpellInput::spellId).filter(plan.stored::containsKey).toList(),
                plan.changed, plan.versions, actor);
        facts.recompute(plan.employeesTouched);
    }

    private Plan plan(List<BatchRow<SpellInput>> rows) {
        facts.lock();
        Plan plan = new Plan();
        Map<Integer, List<Violation>> errors = new HashMap<>();
        Set<String> ids = new HashSet<>();
        Set<String> employees = new HashSet<>();
        for (BatchRow<SpellInput> row : rows) {
            List<Violation> found = new ArrayList<>(row.errors());
            if (row.value() != null) {
                validator.validate(row.value()).forEach(v -> found.add(Violations.of(v)));
                if (found.isEmpty()) {
                    found.addAll(SpellRules.violations(row.value()));
                }
                if (row.value().spellId() != null && !ids.add(row.value().spellId())) {
                    found.add(new Violation("spellId", "Unique", "spell " + row.value().spellId() + " is in the batch twice"));
                }
                if (row.value().employeeNumber() != null) {
                    employees.add(row.value().employeeNumber());
                }
            }
            errors.put(row.number(), found);
        }
        plan.stored = store.touching(employees, ids);
        // what each employee will have: the stored spells the batch leaves alone, then the batch's valid rows
        Map<String, List<Days>> kept = new HashMap<>();
        plan.stored.values().stream().filter(s -> !ids.contains(s.spell().spellId()))
                .forEach(s -> kept.computeIfAbsent(s.spell().employeeNumber(), k -> new ArrayList<>()).add(SpellRules.days(s.spell())));
        for (BatchRow<SpellInput> row : rows) {
            List<Violation> found = errors.get(row.number());
            SpellInput spell = row.value();
            if (found.isEmpty()) {
                List<Days> others = kept.computeIfAbsent(spell.employeeNumber(), k -> new ArrayList<>());
                found.addAll(SpellRules.overlaps(SpellRules.days(spell), others));
                if (found.isEmpty()) {
                    others.add(SpellRules.days(spell));
                }
            }
            if (!found.isEmpty()) {
                plan.rows.add(new RowResult(row.number(), row.key(), Outcome.REJECTED, found));
                Stored before = spell == null ? null : plan.stored.get(spell.spellId());
                if (before != null) {
                    // a rejected row leaves the stored spell as it was
                    kept.computeIfAbsent(before.spell().employeeNumber(), k -> new ArrayList<>()).add(SpellRules.days(before.spell()));
                }
                continue;
            }
            Stored before = plan.stored.get(spell.spellId());
            Outcome outcome = before == null ? Outcome.CREATED
                    : before.spell().equals(spell) ? Outcome.UNCHANGED : Outcome.UPDATED;
            plan.rows.add(new RowResult(row.number(), row.key(), outcome, List.of()));
            if (outcome != Outcome.UNCHANGED) {
                plan.changed.add(spell);
                plan.versions.put(spell.spellId(), before == null ? 1 : before.version() + 1);
                plan.employeesTouched.add(spell.employeeNumber());
                if (before != null) {
                    plan.employeesTouched.add(before.spell().employeeNumber());
                }
            }
        }
        return plan;
    }

    private static final class Plan {
        final List<RowResult> rows = new ArrayList<>();
        final List<SpellInput> changed = new ArrayList<>();
        final Map<String, Integer> versions = new LinkedHashMap<>();
        final Set<String> employeesTouched = new HashSet<>();
        Map<String, Stored> stored;
    }
}
