package se.kasam.workshops.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import se.kasam.workshops.TrioGroup;

@ApplicationScoped
public class TrioGroupRepository implements PanacheRepositoryBase<TrioGroup, Long> {

    /** The groups (not dissolved) the employee is a member of, newest round first. */
    @SuppressWarnings("unchecked")
    public List<TrioGroup> of(String employeeNumber) {
        return getEntityManager().createNativeQuery(
                        "select * from trio_group where not dissolved and ?1 = any(members) order by round_id desc, id",
                        TrioGroup.class)
                .setParameter(1, employeeNumber).getResultList();
    }
}
