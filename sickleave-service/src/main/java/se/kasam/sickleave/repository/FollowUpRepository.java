package se.kasam.sickleave.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import se.kasam.sickleave.FollowUp;

@ApplicationScoped
public class FollowUpRepository implements PanacheRepositoryBase<FollowUp, UUID> {

    @SuppressWarnings("unchecked")
    public List<FollowUp> ofEmployees(Collection<String> employees) {
        return getEntityManager().createNativeQuery("select * from follow_up where employee_number = any(?1)", FollowUp.class)
                .setParameter(1, employees.toArray(String[]::new)).getResultList();
    }
}
