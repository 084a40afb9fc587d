package se.kasam.participants.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import se.kasam.participants.Unit;

@ApplicationScoped
public class UnitRepository implements PanacheRepositoryBase<Unit, String> {
}
