package se.kasam.workshops.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import se.kasam.workshops.WorkplaceActivity;

@ApplicationScoped
public class WorkplaceActivityRepository implements PanacheRepositoryBase<WorkplaceActivity, UUID> {
}
