package se.kasam.sickleave.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import se.kasam.sickleave.Spell;

@ApplicationScoped
public class SpellRepository implements PanacheRepositoryBase<Spell, String> {

    public List<Spell> ofEmployee(String employeeNumber) {
        return list("employeeNumber = ?1 order by firstDay", employeeNumber);
    }
}
