package se.kasam.participants.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.hibernate.Session;
import se.kasam.participants.mapping.TrioGroupView;
import se.kasam.participants.rules.TrioForming.Pair;
import se.kasam.participants.rules.TrioRoundForming;
import se.kasam.platform.jdbc.BulkCopy;

/** Trio groups and members: written in bulk, read as plain rows. */
@ApplicationScoped
public class TrioRepository {
    @Inject
    EntityManager em;

    @Inject
    BulkCopy bulk;

    /** A member's place: the round and group they are in. */
    public record Membership(String employeeNumber, long roundId, long groupId) {
    }

    /** The employees active on the day, with their units; only those of the given units unless null. */
    public Map<String, String> activeEmployees(Set<String> units, LocalDate day) {
        return session().doReturningWork(connection -> {
            Map<String, String> unitOf = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    select employee_number, unit_code from employee
                    where start_date <= ? and (end_date is null or end_date >= ?)
                      and (?::text[] is null or unit_code = any (?::text[]))""")) {
                statement.setObject(1, day);
                statement.setObject(2, day);
                var array = units == null ? null : connection.createArrayOf("text", units.toArray());
                statement.setArray(3, array);
                statement.setArray(4, array);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        unitOf.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            return unitOf;
        });
    }

    /** The units of the given employees. */
    public Map<String, String> unitsOf(Collection<String> employees) {
        Map<String, String> unitOf = new HashMap<>();
        if (!employees.isEmpty()) {
            for (Object row : em.createNativeQuery("select employee_number, unit_code from employee where employee_number in (?1)")
                    .setParameter(1, employees).getResultList()) {
                Object[] columns = (Object[]) row;
                unitOf.put((String) columns[0], (String) columns[1]);
            }
        }
        return unitOf;
    }

    /** The unit whose pool the group was formed from. */
    public String poolUnit(long groupId) {
        return (String) em.createNativeQuery("select unit_code from trio_group where id = ?1")
                .setParameter(1, groupId).getSingleResult();
    }

    /** Every pair that met in a group of a round other than the given one (null: of any round). */
    public Set<Pair> earlierPairs(Long exceptRound) {
        return session().doReturningWork(connection -> {
            Set<Pair> pairs = new HashSet<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    select a.employee_number, b.employee_number
                    from trio_member a join trio_member b on a.group_id = b.group_id and a.employee_number < b.employee_number
                    where ?::bigint is null or a.round_id <> ?::bigint""")) {
                statement.setObject(1, exceptRound);
                statement.setObject(2, exceptRound);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        pairs.add(new Pair(rs.getString(1), rs.getString(2)));
                    }
                }
            }
            return pairs;
        });
    }

    /** Writes a round's groups and members with COPY; returns the group ids in the order of the groups. */
    public List<Long> insertGroups(long roundId, List<TrioRoundForming.Group> groups) {
        List<Long> ids = new ArrayList<>(groups.size());
        for (Object id : em.createNativeQuery(
                        "select nextval(pg_get_serial_sequence('trio_group', 'id')) from generate_series(1, ?1)")
                .setParameter(1, groups.size()).getResultList()) {
            ids.add(((Number) id).longValue());
        }
        List<Object[]> groupRows = new ArrayList<>(groups.size());
        List<Object[]> memberRows = new ArrayList<>(groups.size() * 3);
        for (int i = 0; i < groups.size(); i++) {
            groupRows.add(new Object[] {ids.get(i), roundId, groups.get(i).unitCode(), 0});
            for (String member : groups.get(i).members()) {
                memberRows.add(new Object[] {roundId, member, ids.get(i)});
            }
        }
        bulk.copy("trio_group", List.of("id", "round_id", "unit_code", "version"), groupRows);
        bulk.copy("trio_member", List.of("round_id", "employee_number", "group_id"), memberRows);
        // the next round's search for earlier pairs joins the members with themselves
        bulk.analyze("trio_member");
        return ids;
    }

    /** The current members of the groups of one pool of a round, by group id. */
    public Map<Long, List<String>> poolGroups(long roundId, String unitCode) {
        Map<Long, List<String>> groups = new TreeMap<>();
        for (Object row : em.createNativeQuery("""
                        select g.id, m.employee_number from trio_group g
                        join trio_member m on m.group_id = g.id and m.left_on is null
                        where g.round_id = ?1 and g.unit_code = ?2 and not g.dissolved
                        order by g.id, m.employee_number""")
                .setParameter(1, roundId).setParameter(2, unitCode).getResultList()) {
            Object[] columns = (Object[]) row;
            groups.computeIfAbsent(((Number) columns[0]).longValue(), id -> new ArrayList<>()).add((String) columns[1]);
        }
        return groups;
    }

    /** The group, with its current members' names and units, if it exists. */
    public Optional<TrioGroupView> group(long groupId) {
        return groups("g.id = ?1", groupId, 0, 1).stream().findFirst();
    }

    /** A page of a round's groups, of the given units (null: all), in id order. */
    public List<TrioGroupView> groupsOfRound(long roundId, Collection<String> units, int page, int size) {
        return units == null ? groups("g.round_id = ?1", roundId, page, size)
                : groups("g.round_id = ?1 and g.unit_code in (?2)", roundId, page, size, units);
    }

    public long countGroups(long roundId, Collection<String> units) {
        var query = em.createNativeQuery("select count(*) from trio_group g where g.round_id = ?1 and not g.dissolved"
                + (units == null ? "" : " and g.unit_code in (?2)")).setParameter(1, roundId);
        if (units != null) {
            query.setParameter(2, units.isEmpty() ? List.of("") : units);
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    /** Locks the round's row to the end of the transaction; false if there is no such round. */
    public boolean lockRound(long roundId) {
        return !em.createNativeQuery("select id from trio_round where id = ?1 for update")
                .setParameter(1, roundId).getResultList().isEmpty();
    }

    /** The member's current place in their latest round, unless they have left it. */
    public Optional<Membership> currentMembership(String employeeNumber) {
        List<?> rows = em.createNativeQuery("""
                        select round_id, group_id, left_on from trio_member where employee_number = ?1
                        order by round_id desc limit 1""")
                .setParameter(1, employeeNumber).getResultList();
        return rows.stream().map(r -> (Object[]) r).filter(r -> r[2] == null)
                .map(r -> new Membership(employeeNumber, ((Number) r[0]).longValue(), ((Number) r[1]).longValue()))
                .findFirst();
    }

    /** Members whose employment has ended by the day, still in a group of their latest round. */
    public List<Membership> leaversToRepair(LocalDate day) {
        List<Membership> leavers = new ArrayList<>();
        for (Object row : em.createNativeQuery("""
                        select m.employee_number, m.round_id, m.group_id from trio_member m
                        join employee e on e.employee_number = m.employee_number
                        where e.end_date <= ?1 and m.left_on is null
                          and m.round_id = (select max(x.round_id) from trio_member x where x.employee_number = m.employee_number)
                        order by m.round_id, m.employee_number""")
                .setParameter(1, day).getResultList()) {
            Object[] columns = (Object[]) row;
            leavers.add(new Membership((String) columns[0], ((Number) columns[1]).longValue(), ((Number) columns[2]).longValue()));
        }
        return leavers;
    }

    public void markLeft(Membership leaver, LocalDate day) {
        em.createNativeQuery("update trio_member set left_on = ?1 where round_id = ?2 and employee_number = ?3")
                .setParameter(1, day).setParameter(2, leaver.roundId()).setParameter(3, leaver.employeeNumber())
                .executeUpdate();
    }

    /** Puts the members in the group (of the same round) and counts the group's new version; empty: dissolved. */
    public int setMembers(long roundId, long groupId, List<String> members) {
        if (!members.isEmpty()) {
            em.createNativeQuery("update trio_member set group_id = ?1 where round_id = ?2 and employee_number in (?3)")
                    .setParameter(1, groupId).setParameter(2, roundId).setParameter(3, members).executeUpdate();
        }
        Object version = em.createNativeQuery("""
                        update trio_group set version = version + 1, dissolved = ?2 where id = ?1 returning version""")
                .setParameter(1, groupId).setParameter(2, members.isEmpty()).getSingleResult();
        return ((Number) version).intValue();
    }

    private List<TrioGroupView> groups(String where, long id, int page, int size, Object... more) {
        var query = em.createNativeQuery("""
                select g.id, g.round_id, g.unit_code, g.version, m.employee_number, e.name, e.unit_code
                from (select * from trio_group g where %s and not g.dissolved order by g.id limit %d offset %d) g
                left join trio_member m on m.group_id = g.id and m.left_on is null
                left join employee e on e.employee_number = m.employee_number
                order by g.id, m.employee_number""".formatted(where, size, (long) page * size))
                .setParameter(1, id);
        for (int i = 0; i < more.length; i++) {
            query.setParameter(i + 2, more[i] instanceof Collection<?> c && c.isEmpty() ? List.of("") : more[i]);
        }
        Map<Long, TrioGroupView> groups = new java.util.LinkedHashMap<>();
        for (Object row : query.getResultList()) {
            Object[] c = (Object[]) row;
            long groupId = ((Number) c[0]).longValue();
            TrioGroupView group = groups.computeIfAbsent(groupId, g -> new TrioGroupView(g, ((Number) c[1]).longValue(),
                    (String) c[2], ((Number) c[3]).intValue(), new ArrayList<>()));
            if (c[4] != null) {
                group.members().add(new TrioGroupView.Member((String) c[4], (String) c[5], (String) c[6]));
            }
        }
        return new ArrayList<>(groups.values());
    }

    private Session session() {
        Session session = em.unwrap(Session.class);
        session.flush();
        return session;
    }
}
