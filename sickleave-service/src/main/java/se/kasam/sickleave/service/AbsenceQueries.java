package se.kasam.sickleave.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import se.kasam.platform.paging.Page;
import se.kasam.platform.paging.PageRequest;
import se.kasam.platform.problem.ProblemException;
import se.kasam.sickleave.AuditEntry;
import se.kasam.sickleave.Employee;
import se.kasam.sickleave.FollowUp;
import se.kasam.sickleave.Spell;
import se.kasam.sickleave.mapping.AuditView;
import se.kasam.sickleave.mapping.FollowUpView;
import se.kasam.sickleave.mapping.SpellView;
import se.kasam.sickleave.repository.AuditRepository;
import se.kasam.sickleave.repository.EmployeeRepository;
import se.kasam.sickleave.repository.FollowUpRepository;
import se.kasam.sickleave.repository.SpellRepository;

/** Reads of individual absence data, each checked and audited in its transaction. */
@ApplicationScoped
@Transactional
public class AbsenceQueries {
    @Inject
    SpellRepository spells;

    @Inject
    EmployeeRepository employees;

    @Inject
    FollowUpRepository followUps;

    @Inject
    AuditRepository audit;

    @Inject
    AbsenceAccess access;

    public SpellView spell(String spellId, String endpoint) {
        Spell spell = spells.findById(spellId);
        if (spell == null) {
            throw ProblemException.notFound("spell " + spellId);
        }
        access.read(spell.employeeNumber, endpoint, () -> ProblemException.notFound("spell " + spellId));
        return SpellView.of(spell);
    }

    public Page<SpellView> spellsOf(String employeeNumber, PageRequest page, String endpoint) {
        access.read(employeeNumber, endpoint);
        return Page.of(spells.ofEmployee(employeeNumber), page).map(SpellView::of);
    }

    /** hr-admin: every signal; a manager: those of the employees now in their units. Each employee listed is audited. */
    public Page<FollowUpView> followUps(PageRequest page, String endpoint) {
        PanacheQuery<FollowUp> query = access.isHrAdmin()
                ? followUps.findAll(Sort.descending("dueOn").and("id"))
                : followUps.find("employeeNumber in (select e.employeeNumber from Employee e where e.unitCode in ?1)",
                Sort.descending("dueOn").and("id"), access.managedUnits());
        List<FollowUp> items = query.page(page.page, page.size).list();
        List<FollowUpView> views = items.stream().map(f -> {
            access.read(f.employeeNumber, endpoint);
            Employee e = employees.findById(f.employeeNumber);
            return new FollowUpView(f.id, f.employeeNumber, e == null ? null : e.unitCode, f.kind, f.dueOn, f.windowStart);
        }).toList();
        return Page.of(views, page, query.count());
    }

    public Page<AuditView> audit(String employeeNumber, PageRequest page) {
        PanacheQuery<AuditEntry> query = employeeNumber == null
                ? audit.findAll(Sort.descending("at").and("id"))
                : audit.find("employeeNumber", Sort.descending("at").and("id"), employeeNumber);
        return Page.of(query, page).map(AuditView::of);
    }
}
