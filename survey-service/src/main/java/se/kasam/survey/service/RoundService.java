package se.kasam.survey.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import se.kasam.platform.paging.Page;
import se.kasam.platform.paging.PageRequest;
import se.kasam.platform.problem.Problem.Violation;
import se.kasam.platform.problem.ProblemException;
import se.kasam.platform.problem.ProblemType;
import se.kasam.survey.Invitation;
import se.kasam.survey.SurveyRound;
import se.kasam.survey.Unit;
import se.kasam.survey.config.SurveyConfig;
import se.kasam.survey.mapping.InstrumentRef;
import se.kasam.survey.mapping.RoundInput;
import se.kasam.survey.mapping.RoundView;
import se.kasam.survey.repository.EmployeeRepository;
import se.kasam.survey.repository.InstrumentRepository;
import se.kasam.survey.repository.InvitationRepository;
import se.kasam.survey.repository.RoundRepository;
import se.kasam.survey.repository.UnitRepository;
import se.kasam.survey.rules.AgeBand;
import se.kasam.survey.rules.Demography;
import se.kasam.survey.rules.Generalisation;

/**
 * A round's life: planned, opened (its population and unit tree frozen, each invitee's stored demographics worked
 * out), closed (every response mixed in, its protected publication computed once).
 */
@ApplicationScoped
@Transactional
public class RoundService {
    private static final Logger LOG = Logger.getLogger(RoundService.class);

    @Inject
    Clock clock;

    @Inject
    SurveyConfig config;

    @Inject
    RoundRepository rounds;

    @Inject
    InstrumentRepository instruments;

    @Inject
    UnitRepository units;

    @Inject
    EmployeeRepository employees;

    @Inject
    InvitationRepository invitations;

    @Inject
    ResponseMixer mixer;

    @Inject
    Publisher publisher;

    @Inject
    RoundEvents events;

    public RoundView create(RoundInput input) {
        List<Violation> errors = new ArrayList<>();
        if (!input.closesAt().isAfter(input.opensAt())) {
            errors.add(new Violation("closesAt", "After", "a round closes after it opens"));
        }
        List<InstrumentRef> resolved = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < input.instruments().size(); i++) {
            InstrumentRef ref = input.instruments().get(i);
            var found = ref.version() == null ? instruments.latest(ref.code()) : instruments.version(ref.code(), ref.version());
            if (found.isEmpty()) {
                errors.add(new Violation("instruments[" + i + "]", "KnownInstrument",
                        "no instrument " + ref.code() + (ref.version() == null ? "" : " version " + ref.version())));
            } else if (!codes.add(ref.code())) {
                errors.add(new Violation("instruments[" + i + "].code", "Unique", ref.code() + " is named twice"));
            } else {
                resolved.add(new InstrumentRef(ref.code(), found.get().version));
            }
        }
        List<String> unitCodes = input.unitCodes() == null ? List.of() : input.unitCodes();
        for (int i = 0; i < unitCodes.size(); i++) {
            Unit unit = units.findById(unitCodes.get(i));
            if (unit == null || unit.deleted) {
                errors.add(new Violation("unitCodes[" + i + "]", "KnownUnit", "no unit " + unitCodes.get(i)));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "the round breaks " + errors.size() + " rule(s)", errors);
        }
        SurveyRound round = new SurveyRound();
        round.id = UUID.randomUUID();
        round.name = input.name().strip();
        round.status = SurveyRound.Status.PLANNED;
        round.opensAt = input.opensAt();
        round.closesAt = input.closesAt();
        round.unitCodes = unitCodes.stream().distinct().toArray(String[]::new);
        round.version = 1;
        round.createdAt = OffsetDateTime.now(clock);
        rounds.persist(round);
        rounds.flush();
        for (int i = 0; i < resolved.size(); i++) {
            rounds.addInstrument(round.id, i, resolved.get(i).code(), resolved.get(i).version());
        }
        return view(round);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RoundView> list(PageRequest page) {
        return Page.of(rounds.find("order by opensAt desc, name"), page).map(this::view);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RoundView get(UUID id) {
        return view(find(id));
    }

    /** Opens a planned round now: invites the active staff of its units as they are today. */
    public RoundView open(UUID id) {
        SurveyRound round = rounds.lock(id);
        if (round == null) {
            throw ProblemException.notFound("round " + id);
        }
        if (round.status != SurveyRound.Status.PLANNED) {
            throw ProblemException.conflict("round " + round.name + " is " + round.status + ", not PLANNED");
        }
        LocalDate today = LocalDate.now(clock);
        Map<String, String> tree = tree(round);
        List<EmployeeRepository.Staff> staff = employees.activeIn(tree.keySet(), today);
        List<Invitation> invited = new ArrayList<>(staff.size());
        Map<Demography, Integer> demographics = new HashMap<>();
        for (EmployeeRepository.Staff e : staff) {
            Invitation invitation = new Invitation();
            invitation.id = UUID.randomUUID();
            invitation.roundId = round.id;
            invitation.employeeNumber = e.employeeNumber();
            invitation.unitCode = e.unitCode();
            invitation.legalGender = e.legalGender();
            invitation.ageBand = AgeBand.on(today, e.birthYear(), e.birthDate()).name();
            invitation.answered = false;
            invited.add(invitation);
            demographics.merge(new Demography(e.unitCode(), e.legalGender(), invitation.ageBand), 1, Integer::sum);
        }
        rounds.freezeTree(round.id, tree);
        invitations.insertAll(invited);
        rounds.addClasses(round.id, Generalisation.classes(tree, demographics, config.minRespondents()));
        round.status = SurveyRound.Status.OPEN;
        round.openedAt = OffsetDateTime.now(clock);
        round.invited = invited.size();
        round.version++;
        events.opened(round, rounds.instruments(round.id));
        LOG.infof("round %s opened: %d invited in %d units", round.name, invited.size(), tree.size());
        return view(round);
    }

    /** Closes an open round now: nothing more is accepted; its responses are mixed in and its publication computed. */
    public RoundView close(UUID id) {
        SurveyRound round = rounds.lock(id);
        if (round == null) {
            throw ProblemException.notFound("round " + id);
        }
        if (round.status != SurveyRound.Status.OPEN) {
            throw ProblemException.conflict("round " + round.name + " is " + round.status + ", not OPEN");
        }
        long started = System.nanoTime();
        mixer.mix(round.id, true);
        publisher.publish(round.id);
        round.status = SurveyRound.Status.CLOSED;
        round.closedAt = OffsetDateTime.now(clock);
        round.answered = (int) invitations.answered(round.id);
        round.closeSeconds = (System.nanoTime() - started) / 1e9;
        round.version++;
        events.closed(round);
        LOG.infof("round %s closed: %d of %d answered; publication in %.1f s", round.name, round.answered,
                round.invited, round.closeSeconds);
        return view(round);
    }

    /** The round's units (its chosen units and everything below, or every unit) with their parents inside it. */
    private Map<String, String> tree(SurveyRound round) {
        List<Unit> live = units.live();
        Set<String> chosen = round.unitCodes.length == 0 ? null : units.subtrees(Set.of(round.unitCodes));
        Map<String, String> tree = new LinkedHashMap<>();
        for (Unit unit : live) {
            if (chosen == null || chosen.contains(unit.code)) {
                tree.put(unit.code, unit.parentCode);
            }
        }
        tree.replaceAll((unit, parent) -> parent != null && tree.containsKey(parent) ? parent : null);
        return tree;
    }

    SurveyRound find(UUID id) {
        SurveyRound round = rounds.findById(id);
        if (round == null) {
            throw ProblemException.notFound("round " + id);
        }
        return round;
    }

    RoundView view(SurveyRound r) {
        return new RoundView(r.id, r.name, r.status, r.opensAt, r.closesAt, List.of(r.unitCodes), rounds.instruments(r.id),
                r.invited, r.answered, r.openedAt, r.closedAt, r.version);
    }
}
