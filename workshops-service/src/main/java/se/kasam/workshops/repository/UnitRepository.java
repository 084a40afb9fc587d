package se.kasam.workshops.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import se.kasam.workshops.Unit;

@ApplicationScoped
public class UnitRepository implements PanacheRepositoryBase<Unit, String> {

    /** The units (not deleted) below {@code roots}, and the roots. */
    @SuppressWarnings("unchecked")
    public Set<String> subtrees(Set<String> roots) {
        if (roots.isEmpty()) {
            return Set.of();
        }
        List<String> codes = getEntityManager().createNativeQuery("""
                        with recursive tree(code) as (
                            select code from unit where code = any(?1) and not deleted
                            union
                            select u.code from unit u join tree t on u.parent_code = t.code where not u.deleted)
                        select code from tree""", String.class)
                .setParameter(1, roots.toArray(String[]::new)).getResultList();
        return new HashSet<>(codes);
    }

    /** The units (not deleted) with no parent above them. */
    @SuppressWarnings("unchecked")
    public Set<String> roots() {
        List<String> codes = getEntityManager().createNativeQuery("""
                select u.code from unit u where not u.deleted and (u.parent_code is null
                    or not exists (select 1 from unit p where p.code = u.parent_code and not p.deleted))""", String.class)
                .getResultList();
        return new HashSet<>(codes);
    }

    @SuppressWarnings("unchecked")
    public Set<String> managedBy(String employeeNumber) {
        List<String> codes = getEntityManager().createNativeQuery(
                        "select code from unit where not deleted and ?1 = any(managers)", String.class)
                .setParameter(1, employeeNumber).getResultList();
        return new HashSet<>(codes);
    }

    /** Whether the employee manages any unit: the managers' modules are for them. */
    public boolean isManager(String employeeNumber) {
        return !managedBy(employeeNumber).isEmpty();
    }
}
