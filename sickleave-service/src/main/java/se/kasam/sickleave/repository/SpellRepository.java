package se.kasam.sickleave.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import se.kasam.sickleave.Spell;

@ApplicationScoped
public class SpellRepository implements PanacheRepositoryBase<Spell, String> {

    public PanacheQuery<Spell> ofEmployee(String employeeNumber) {
        return find("employeeNumber", Sort.by("firstDay").and("spellId"), employeeNumber);
    }
}
