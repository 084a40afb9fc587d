package se.kasam.workshops.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import se.kasam.workshops.WorkshopModule;

@ApplicationScoped
public class ModuleRepository implements PanacheRepositoryBase<WorkshopModule, String> {
}
