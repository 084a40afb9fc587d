package se.kasam.participants.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.Session;
import se.kasam.participants.Unit;
import se.kasam.participants.mapping.UnitInput;
import se.kasam.participants.mapping.Versioned;
import se.kasam.platform.jdbc.BulkCopy;
import se.kasam.platform.problem.ProblemException;

@ApplicationScoped
public class UnitRepository implements PanacheRepositoryBase<Unit, String> {
    @Inject
    BulkCopy bulk;

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

    /** Every unit's state (managers included) and version. */
    public Map<String, Versioned<UnitInput>> states() {
        Session session = getEntityManager().unwrap(Session.class);
        session.flush();
        return session.doReturningWork(connection -> {
            Map<String, Versioned<UnitInput>> states = new HashMap<>();
            try (var statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("""
                         select u.code, u.name, u.parent_code, u.version,
                                array_remove(array_agg(m.employee_number), null)
                         from unit u left join unit_manager m on m.unit_code = u.code
                         group by u.code""")) {
                while (rs.next()) {
                    Array managers = rs.getArray(5);
                    UnitInput state = new UnitInput(rs.getString(1), rs.getString(2), rs.getString(3),
                            new TreeSet<>(Arrays.asList((String[]) managers.getArray())));
                    states.put(state.code(), new Versioned<>(state, rs.getInt(4)));
                }
            }
            return states;
        });
    }

    /** New units at version 0; parents may come later in the list (foreign keys are checked per statement). */
    public void insertAll(List<UnitInput> units, OffsetDateTime now) {
        bulk.copy("unit", List.of("code", "name", "parent_code", "version", "updated_at"),
                () -> units.stream().map(u -> new Object[] {u.code(), u.name(), u.parentCode(), 0, now}).iterator());
        insertManagers(units);
    }

    /** Changed units, each at its next version, checked against the version read. */
    public void updateAll(List<Versioned<UnitInput>> units, OffsetDateTime now) {
        if (units.isEmpty()) {
            return;
        }
        var em = getEntityManager();
        for (Versioned<UnitInput> unit : units) {
            int updated = em.createNativeQuery("""
                            update unit set name = ?1, parent_code = ?2, version = ?3, updated_at = ?4
                            where code = ?5 and version = ?6""")
                    .setParameter(1, unit.state().name()).setParameter(2, unit.state().parentCode())
                    .setParameter(3, unit.version()).setParameter(4, now)
                    .setParameter(5, unit.state().code()).setParameter(6, unit.version() - 1)
                    .executeUpdate();
            if (updated != 1) {
                throw ProblemException.conflict("unit " + unit.state().code()
                        + " was changed by someone else during the import; send the batch again");
            }
        }
        em.createNativeQuery("delete from unit_manager where unit_code in (?1)")
                .setParameter(1, units.stream().map(u -> u.state().code()).toList()).executeUpdate();
        insertManagers(units.stream().map(Versioned::state).toList());
    }

    /** Every unit's parent (null for a root): the tree a move is checked against. */
    public Map<String, String> parents() {
        Map<String, String> parents = new HashMap<>();
        for (Object row : getEntityManager().createNativeQuery("select code, parent_code from unit").getResultList()) {
            Object[] columns = (Object[]) row;
            parents.put((String) columns[0], (String) columns[1]);
        }
        return parents;
    }

    private void insertManagers(List<UnitInput> units) {
        bulk.copy("unit_manager", List.of("unit_code", "employee_number"), () -> units.stream()
                .flatMap(u -> u.managers().stream().map(m -> new Object[] {u.code(), m}))
                .iterator());
    }
}
