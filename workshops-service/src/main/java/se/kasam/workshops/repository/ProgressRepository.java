package se.kasam.workshops.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.kasam.workshops.mapping.ParticipationView;
import se.kasam.workshops.rules.ProgressPublication;

/** The programme's progress read off bookings: how many of the modules for all each active employee has attended. */
@ApplicationScoped
public class ProgressRepository {
    @Inject
    EntityManager em;

    @SuppressWarnings("unchecked")
    public List<ProgressPublication.Person> staffOn(LocalDate day) {
        List<Object[]> rows = em.createNativeQuery("""
                        select e.unit_code, e.legal_gender, count(distinct b.module_code)
                        from employee e
                        left join booking b on b.employee_number = e.employee_number and b.status = 'ATTENDED'
                            and b.module_code in (select code from workshop_module where audience = 'ALL')
                        where e.start_date <= ?1 and (e.end_date is null or e.end_date >= ?1)
                        group by e.employee_number, e.unit_code, e.legal_gender""")
                .setParameter(1, day).getResultList();
        return rows.stream().map(r -> new ProgressPublication.Person((String) r[0], (String) r[1],
                ((Number) r[2]).intValue())).toList();
    }

    /** Unit → parent, of the units not deleted. */
    @SuppressWarnings("unchecked")
    public Map<String, String> tree() {
        List<Object[]> rows = em.createNativeQuery("select code, parent_code from unit where not deleted").getResultList();
        Map<String, String> parents = new java.util.HashMap<>();
        rows.forEach(r -> parents.put((String) r[0], (String) r[1]));
        return parents;
    }

    /** The modules for all, in programme order. */
    @SuppressWarnings("unchecked")
    public List<String> modulesForAll() {
        return em.createNativeQuery("select code from workshop_module where audience = 'ALL' order by ordinal")
                .getResultList();
    }

    /** How many trio meetings each employee was present at. */
    public long trioMeetingsOf(String employeeNumber) {
        return ((Number) em.createNativeQuery("select count(*) from trio_meeting where ?1 = any(present)")
                .setParameter(1, employeeNumber).getSingleResult()).longValue();
    }

    /** Of the trio groups (not dissolved) of these units: how many, how many met in the span, and their meetings. */
    public ParticipationView.TrioGroups trioGroups(Set<String> units, LocalDate from, LocalDate to) {
        Object[] r = (Object[]) em.createNativeQuery("""
                        select count(distinct g.id), count(distinct m.trio_group_id), count(m.id)
                        from trio_group g
                        left join trio_meeting m on m.trio_group_id = g.id and m.met_on between ?2 and ?3
                        where not g.dissolved and g.unit_code = any(?1)""")
                .setParameter(1, units.toArray(String[]::new)).setParameter(2, from).setParameter(3, to)
                .getSingleResult();
        return new ParticipationView.TrioGroups(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                ((Number) r[2]).longValue());
    }
}
