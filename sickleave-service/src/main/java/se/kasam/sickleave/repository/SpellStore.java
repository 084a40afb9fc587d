package se.kasam.sickleave.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import se.kasam.platform.jdbc.BulkCopy;
import se.kasam.sickleave.AbsenceKind;
import se.kasam.sickleave.mapping.PeriodInput;
import se.kasam.sickleave.mapping.SpellInput;

/** Spells in bulk: read the stored ones an import touches, write many at once with COPY. */
@ApplicationScoped
public class SpellStore {
    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    BulkCopy bulkCopy;

    /** A stored spell as an input, with its version. */
    public record Stored(SpellInput spell, int version) {
    }

    /** The stored spells of these employees, and those with these ids, by spell id. */
    public Map<String, Stored> touching(Collection<String> employees, Collection<String> spellIds) {
        Session session = em.unwrap(Session.class);
        session.flush();
        return session.doReturningWork(connection -> {
            Map<String, Stored> stored = new HashMap<>();
            try (PreparedStatement st = connection.prepareStatement("""
                    select s.spell_id, s.employee_number, s.kind, s.expected_long_term, s.version,
                           p.first_day, p.last_day, p.extent
                    from spell s join spell_period p on p.spell_id = s.spell_id
                    where s.employee_number = any(?) or s.spell_id = any(?)
                    order by s.spell_id, p.first_day""")) {
                st.setFetchSize(10_000);
                st.setArray(1, connection.createArrayOf("text", employees.toArray()));
                st.setArray(2, connection.createArrayOf("text", spellIds.toArray()));
                try (ResultSet rs = st.executeQuery()) {
                    List<PeriodInput> periods = null;
                    while (rs.next()) {
                        String id = rs.getString(1);
                        if (!stored.containsKey(id)) {
                            periods = new ArrayList<>(2);
                            stored.put(id, new Stored(new SpellInput(id, rs.getString(2), AbsenceKind.valueOf(rs.getString(3)),
                                    rs.getBoolean(4), periods), rs.getInt(5)));
                        }
                        periods.add(new PeriodInput(rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
                                rs.getInt(8)));
                    }
                }
            }
            return stored;
        });
    }

    /** Replaces the spells with these ids by the given ones (with their new versions). */
    public void write(Collection<String> removed, List<SpellInput> spells, Map<String, Integer> versions, String actor) {
        if (!removed.isEmpty()) {
            String[] ids = removed.toArray(String[]::new);
            em.createNativeQuery("delete from spell_period where spell_id = any(?1)").setParameter(1, ids).executeUpdate();
            em.createNativeQuery("delete from spell where spell_id = any(?1)").setParameter(1, ids).executeUpdate();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        bulkCopy.copy("spell", List.of("spell_id", "employee_number", "kind", "first_day", "last_day",
                "expected_long_term", "version", "updated_at", "updated_by"), () -> spells.stream().map(s -> new Object[]{
                s.spellId(), s.employeeNumber(), s.kind().name(), s.periods().getFirst().firstDay(),
                s.periods().getLast().lastDay(), s.expectedLongTerm(), versions.get(s.spellId()), now, actor}).iterator());
        bulkCopy.copy("spell_period", List.of("spell_id", "first_day", "last_day", "extent"), () -> spells.stream()
                .flatMap(s -> s.periods().stream().map(p -> new Object[]{s.spellId(), p.firstDay(), p.lastDay(), p.extent()}))
                .iterator());
        if (spells.size() > 100_000) {
            bulkCopy.analyze("spell");
            bulkCopy.analyze("spell_period");
        }
    }
}
