package se.kasam.participants.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import se.kasam.participants.TrioRound;
import se.kasam.participants.mapping.FormRound;
import se.kasam.participants.mapping.MoveMember;
import se.kasam.participants.mapping.MyTrio;
import se.kasam.participants.mapping.RoundReport;
import se.kasam.participants.mapping.RoundView;
import se.kasam.participants.mapping.TrioGroupChanged;
import se.kasam.participants.mapping.TrioGroupView;
import se.kasam.participants.mapping.UnitInput;
import se.kasam.participants.mapping.Versioned;
import se.kasam.participants.repository.TrioRepository;
import se.kasam.participants.repository.TrioRepository.Membership;
import se.kasam.participants.repository.UnitRepository;
import se.kasam.participants.rules.TrioForming;
import se.kasam.participants.rules.TrioForming.Pair;
import se.kasam.participants.rules.TrioRepair;
import se.kasam.participants.rules.TrioRoundForming;
import se.kasam.platform.outbox.Outbox;
import se.kasam.platform.paging.Page;
import se.kasam.platform.paging.PageRequest;
import se.kasam.platform.problem.Problem.Violation;
import se.kasam.platform.problem.ProblemException;
import se.kasam.platform.problem.ProblemType;
import se.kasam.platform.security.Caller;
import se.kasam.platform.security.Roles;
import se.kasam.platform.web.Versions;

/**
 * Trio rounds: forming (the project lead for any units, a manager for their own), reading, moving a member, and
 * repairing a group when a member leaves. Every change of a group is published as its state. Moves and repairs
 * lock their round's row first, so two of them never change the same groups from the same reading.
 */
@ApplicationScoped
@Transactional
public class TrioService {
    private static final Logger LOG = Logger.getLogger(TrioService.class);

    @Inject
    TrioRepository trios;

    @Inject
    UnitRepository units;

    @Inject
    EmployeeAccess access;

    @Inject
    Caller caller;

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "kasam.trio.search-attempts", defaultValue = "200")
    int attempts;

    @Inject
    Clock clock;

    private final SecureRandom seeds = new SecureRandom();

    public RoundView form(FormRound request) {
        long start = System.nanoTime();
        LocalDate day = request.date() != null ? request.date() : LocalDate.now(clock);
        long seed = request.seed() != null ? request.seed() : seeds.nextLong();
        List<String> asked = request.unitCodes() == null ? List.of() : request.unitCodes().stream().distinct().sorted().toList();
        Organisation org = organisation();
        for (String code : asked) {
            if (!org.parentOf.containsKey(code)) {
                throw ProblemException.invalid("unitCodes", "UnitExists", "no unit with code " + code);
            }
        }
        Set<String> scope = asked.isEmpty() ? org.parentOf.keySet() : units.subtrees(asked);
        if (!caller.hasRole(Roles.PROJECT_LEAD) && (asked.isEmpty() || !access.managedUnits().containsAll(scope))) {
            throw new ProblemException(ProblemType.FORBIDDEN, "a manager forms rounds for the units they manage only");
        }
        Map<String, String> unitOf = trios.activeEmployees(asked.isEmpty() ? null : scope, day);
        var plan = TrioRoundForming.form(new TrioRoundForming.Organisation(org.parentOf, org.managers, unitOf),
                scope, trios.earlierPairs(null), seed, attempts);

        long formed = System.nanoTime();
        TrioRound round = new TrioRound();
        round.name = request.name().strip();
        round.seed = seed;
        round.roundDate = day;
        round.unitCodes = asked;
        round.formedBy = caller.name();
        round.formedAt = OffsetDateTime.now(clock);
        RoundReport report = report(unitOf.size(), plan);
        round.report = toJson(report);
        em.persist(round);
        em.flush();

        List<Long> ids = trios.insertGroups(round.id, plan.groups());
        List<Outbox.Pending> events = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            var group = plan.groups().get(i);
            events.add(event(new TrioGroupChanged(ids.get(i), round.id, group.unitCode(), group.members(), 0, false)));
        }
        outbox.publishAll(TrioGroupChanged.TOPIC, TrioGroupChanged.TYPE, events);
        LOG.infof("trio round %d: %d employees in %d groups; read and formed in %d ms, written in %d ms", round.id,
                unitOf.size(), ids.size(), (formed - start) / 1_000_000, (System.nanoTime() - formed) / 1_000_000);
        return view(round, report);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RoundView get(long roundId) {
        TrioRound round = find(roundId);
        return view(round, fromJson(round.report));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RoundView> list(PageRequest page) {
        var query = em
                .createQuery("from TrioRound order by id desc", TrioRound.class)
                .setFirstResult(page.page * page.size).setMaxResults(page.size);
        long total = em.createQuery("select count(r) from TrioRound r", Long.class).getSingleResult();
        return Page.of(query.getResultList(), page, total).map(r -> view(r, fromJson(r.report)));
    }

    /** A round's groups; a manager sees only those of the units they manage and below. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<TrioGroupView> groups(long roundId, String unitCode, PageRequest page) {
        find(roundId);
        Set<String> visible = null;
        if (!caller.hasRole(Roles.PROJECT_LEAD)) {
            visible = access.managedUnits();
        }
        if (unitCode != null) {
            if (visible != null && !visible.contains(unitCode)) {
                throw ProblemException.notFound("unit " + unitCode);
            }
            visible = Set.of(unitCode);
        }
        return Page.of(trios.groupsOfRound(roundId, visible, page.page, page.size), page, trios.countGroups(roundId, visible));
    }

    /**
     * Moves a member to another group of the same round. The rules are checked again; a broken one refuses the
     * move unless the project lead forces it.
     *
     * @param ifMatch the target group's version as read (its ETag): 428 without, 412 when the group has changed
     */
    public TrioGroupView move(long roundId, MoveMember move, String ifMatch) {
        if (!trios.lockRound(roundId)) {
            throw ProblemException.notFound("trio round " + roundId);
        }
        Membership from = trios.currentMembership(move.employeeNumber())
                .filter(m -> m.roundId() == roundId)
                .orElseThrow(() -> ProblemException.notFound("member " + move.employeeNumber() + " of round " + roundId));
        TrioGroupView source = visibleGroup(from.groupId());
        TrioGroupView target = visibleGroup(move.toGroupId());
        if (target.roundId() != roundId) {
            throw ProblemException.invalid("toGroupId", "SameRound", "group " + move.toGroupId() + " belongs to another round");
        }
        Versions.requireMatch(ifMatch, target.version());
        if (target.id() == source.id()) {
            return target;
        }
        List<String> targetMembers = new ArrayList<>(target.members().stream().map(TrioGroupView.Member::employeeNumber).toList());
        targetMembers.add(move.employeeNumber());
        List<String> sourceMembers = new ArrayList<>(source.members().stream().map(TrioGroupView.Member::employeeNumber).toList());
        sourceMembers.remove(move.employeeNumber());
        List<Violation> broken = moveViolations(source, target, targetMembers, sourceMembers, roundId);
        if (!broken.isEmpty()) {
            if (!move.force()) {
                throw new ProblemException(ProblemType.VALIDATION, "the move breaks " + broken.size()
                        + " rule(s); the project lead may force it", broken);
            }
            if (!caller.hasRole(Roles.PROJECT_LEAD)) {
                throw new ProblemException(ProblemType.FORBIDDEN, "only the project lead may force a move that breaks a rule");
            }
        }
        Map<Long, List<String>> changed = new TreeMap<>();
        changed.put(target.id(), targetMembers);
        changed.put(source.id(), sourceMembers);
        apply(roundId, changed);
        return trios.group(target.id()).orElseThrow();
    }

    /** The caller's group in their latest round, with the colleagues' names and units only. */
    public MyTrio mine() {
        String self = caller.employeeNumber().orElseThrow(() -> ProblemException.notFound("employee for this login"));
        Membership membership = trios.currentMembership(self)
                .orElseThrow(() -> ProblemException.notFound("trio group for employee " + self));
        TrioRound round = find(membership.roundId());
        TrioGroupView group = trios.group(membership.groupId()).orElseThrow();
        Map<String, Versioned<UnitInput>> unitStates = units.states();
        List<MyTrio.Colleague> colleagues = group.members().stream()
                .filter(m -> !m.employeeNumber().equals(self))
                .map(m -> new MyTrio.Colleague(m.name(), m.unitCode(),
                        unitStates.containsKey(m.unitCode()) ? unitStates.get(m.unitCode()).state().name() : null))
                .toList();
        return new MyTrio(round.name, round.roundDate, colleagues);
    }

    /**
     * Repairs the groups of members whose employment has ended by today: called after every change to employees,
     * and each night ({@link TrioRepairJob}) for end dates that were set in advance.
     *
     * @return how many leavers' groups were repaired here
     */
    public int repairLeavers() {
        LocalDate today = LocalDate.now(clock);
        List<Membership> leavers = trios.leaversToRepair(today);
        if (leavers.isEmpty()) {
            return 0;
        }
        Organisation org = organisation();
        // pairs of the other rounds, read once per round however many leave
        Map<Long, Set<Pair>> earlierPairs = new HashMap<>();
        int repaired = 0;
        for (Membership pending : leavers) {
            // rounds in ascending order, as the query gives them: concurrent repairs cannot deadlock
            trios.lockRound(pending.roundId());
            // read again under the lock: an earlier repair in this loop may have moved the member, and another
            // transaction's repair may have done this one
            Membership leaver = trios.currentMembership(pending.employeeNumber()).orElse(null);
            if (leaver == null) {
                continue;
            }
            if (leaver.roundId() != pending.roundId()) {
                trios.lockRound(leaver.roundId());
            }
            String unit = trios.poolUnit(leaver.groupId());
            Map<Long, List<String>> pool = trios.poolGroups(leaver.roundId(), unit);
            Map<Long, List<String>> changed = TrioRepair.afterLeave(pool, leaver.groupId(), leaver.employeeNumber(),
                    reportsTo(org, pool.values().stream().flatMap(List::stream).toList()),
                    earlierPairs.computeIfAbsent(leaver.roundId(), trios::earlierPairs));
            trios.markLeft(leaver, today);
            apply(leaver.roundId(), changed);
            repaired++;
        }
        return repaired;
    }

    private void apply(long roundId, Map<Long, List<String>> changed) {
        List<Outbox.Pending> events = new ArrayList<>();
        changed.forEach((groupId, members) -> {
            int version = trios.setMembers(roundId, groupId, members);
            String unit = trios.poolUnit(groupId);
            events.add(event(new TrioGroupChanged(groupId, roundId, unit, members, version, members.isEmpty())));
        });
        outbox.publishAll(TrioGroupChanged.TOPIC, TrioGroupChanged.TYPE, events);
    }

    private List<Violation> moveViolations(TrioGroupView source, TrioGroupView target, List<String> targetMembers,
                                           List<String> sourceMembers, long roundId) {
        List<Violation> broken = new ArrayList<>();
        if (targetMembers.size() > 4) {
            broken.add(new Violation("toGroupId", "GroupSize", "the group would have " + targetMembers.size() + " members; at most 4"));
        }
        if (sourceMembers.size() == 1) {
            broken.add(new Violation("employeeNumber", "GroupSize", "the group left behind would have a single member"));
        }
        if (!source.unitCode().equals(target.unitCode())) {
            broken.add(new Violation("toGroupId", "SameWorkplace", "the group is of unit " + target.unitCode()
                    + ", the member's of " + source.unitCode()));
        }
        Organisation org = organisation();
        Map<String, Set<String>> reportsTo = reportsTo(org, targetMembers);
        Set<Pair> earlier = trios.earlierPairs(roundId);
        String mover = targetMembers.get(targetMembers.size() - 1);
        for (String other : targetMembers.subList(0, targetMembers.size() - 1)) {
            Pair pair = new Pair(mover, other);
            if (TrioForming.cost(List.of(mover, other), reportsTo, Set.of()) > 0) {
                broken.add(new Violation("toGroupId", "ManagerWithReport", other + " and " + mover + " are manager and report"));
            } else if (earlier.contains(pair)) {
                broken.add(new Violation("toGroupId", "MetBefore", other + " and " + mover + " met in an earlier round"));
            }
        }
        return broken;
    }

    /** Who the given members report to, in the current organisation. */
    private Map<String, Set<String>> reportsTo(Organisation org, List<String> members) {
        return TrioRoundForming.reportsTo(new TrioRoundForming.Organisation(org.parentOf, org.managers, trios.unitsOf(members)));
    }

    private TrioGroupView visibleGroup(long groupId) {
        TrioGroupView group = trios.group(groupId).orElseThrow(() -> ProblemException.notFound("trio group " + groupId));
        if (!caller.hasRole(Roles.PROJECT_LEAD) && !access.managedUnits().contains(group.unitCode())) {
            throw ProblemException.notFound("trio group " + groupId);
        }
        return group;
    }

    private TrioRound find(long roundId) {
        TrioRound round = em.find(TrioRound.class, roundId);
        if (round == null) {
            throw ProblemException.notFound("trio round " + roundId);
        }
        return round;
    }

    private record Organisation(Map<String, String> parentOf, Map<String, Set<String>> managers) {
    }

    private Organisation organisation() {
        Map<String, String> parentOf = new HashMap<>();
        Map<String, Set<String>> managers = new HashMap<>();
        units.states().forEach((code, unit) -> {
            parentOf.put(code, unit.state().parentCode());
            managers.put(code, unit.state().managers());
        });
        return new Organisation(parentOf, managers);
    }

    private static RoundReport report(int employees, TrioRoundForming.Plan plan) {
        Map<Integer, Integer> sizes = new TreeMap<>();
        plan.groups().forEach(g -> sizes.merge(g.members().size(), 1, Integer::sum));
        return new RoundReport(employees, plan.groups().size(), sizes, plan.unplaced(), plan.repeats(), plan.conflicts());
    }

    private static RoundView view(TrioRound round, RoundReport report) {
        return new RoundView(round.id, round.name, round.seed, round.roundDate, round.unitCodes, round.formedBy,
                round.formedAt, report);
    }

    private static Outbox.Pending event(TrioGroupChanged group) {
        return new Outbox.Pending(Long.toString(group.groupId()), group);
    }

    private String toJson(RoundReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private RoundReport fromJson(String report) {
        try {
            return json.readValue(report, RoundReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
