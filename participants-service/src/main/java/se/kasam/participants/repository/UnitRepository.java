package se.kasam.participants.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import se.kasam.participants.Unit;

@ApplicationScoped
public class UnitRepository implements PanacheRepositoryBase<Unit, String> {

    /** The codes of the units this employee manages. */
    public Set<String> managedBy(String employeeNumber) {
        List<?> codes = getEntityManager().createNativeQuery(
                        "select unit_code from unit_manager where employee_number = ?1")
                .setParameter(1, employeeNumber).getResultList();
        Set<String> result = new TreeSet<>();
        codes.forEach(code -> result.add((String) code));
        return result;
    }

    /** The given units and every unit below them. */
    public Set<String> subtrees(Collection<String> roots) {
        if (roots.isEmpty()) {
            return Set.of();
        }
        List<?> codes = getEntityManager().createNativeQuery("""
                        with recursive tree(code) as (
                            select code from unit where code in (?1)
                            union
                            select u.code from unit u join tree t on u.parent_code = t.code)
                        select code from tree""")
                .setParameter(1, roots).getResultList();
        Set<String> result = new TreeSet<>();
        codes.forEach(code -> result.add((String) code));
        return result;
    }
}
