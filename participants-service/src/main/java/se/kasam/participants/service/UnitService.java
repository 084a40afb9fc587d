package se.kasam.participants.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import se.kasam.participants.Unit;
import se.kasam.participants.mapping.ParticipantMapper;
import se.kasam.participants.mapping.UnitChanged;
import se.kasam.participants.mapping.UnitInput;
import se.kasam.participants.mapping.UnitView;
import se.kasam.participants.repository.UnitRepository;
import se.kasam.participants.rules.UnitRules;
import se.kasam.participants.rules.UnitTree;
import se.kasam.platform.outbox.Outbox;
import se.kasam.platform.problem.Problem;
import se.kasam.platform.problem.ProblemType;
import se.kasam.platform.paging.Page;
import se.kasam.platform.paging.PageRequest;
import se.kasam.platform.problem.ProblemException;
import se.kasam.platform.web.Versions;

@ApplicationScoped
@Transactional
public class UnitService {
    @Inject
    UnitRepository units;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    public UnitView create(UnitInput input) {
        if (units.findById(input.code()) != null) {
            throw ProblemException.conflict("unit " + input.code() + " exists already; update it instead");
        }
        Unit unit = new Unit();
        unit.code = input.code();
        ParticipantMapper.apply(input, unit);
        check(unit);
        unit.updatedAt = OffsetDateTime.now(clock);
        units.persistAndFlush(unit);
        publish(unit);
        return ParticipantMapper.toView(unit);
    }

    public UnitView update(String code, UnitInput input, String ifMatch) {
        Unit unit = find(code);
        Versions.requireMatch(ifMatch, unit.version);
        if (!code.equals(input.code())) {
            throw ProblemException.invalid("code", "Immutable", "the HR code of a unit cannot change (path says " + code + ")");
        }
        UnitInput before = ParticipantMapper.toInput(unit);
        ParticipantMapper.apply(input, unit);
        boolean changed = !ParticipantMapper.toInput(unit).equals(before);
        if (changed) {
            // before anything flushes: one change, one new version
            unit.updatedAt = OffsetDateTime.now(clock);
        }
        check(unit);
        if (changed) {
            units.flush();
            publish(unit);
        }
        return ParticipantMapper.toView(unit);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public UnitView get(String code) {
        return ParticipantMapper.toView(find(code));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<UnitView> list(PageRequest page) {
        return Page.of(units.findAll(Sort.by("code")), page).map(ParticipantMapper::toView);
    }

    private Unit find(String code) {
        Unit unit = units.findById(code);
        if (unit == null) {
            throw ProblemException.notFound("unit " + code);
        }
        return unit;
    }

    /** The unit's own rules, and its place: the parent must exist and the unit may not end up below itself. */
    private void check(Unit unit) {
        UnitInput state = ParticipantMapper.toInput(unit);
        List<Problem.Violation> errors = new ArrayList<>(UnitRules.violations(state));
        Map<String, String> parents = units.parents();
        parents.put(unit.code, unit.parentCode);
        UnitTree.checkPlace(parents, unit.code).ifPresent(errors::add);
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, errors.get(0).field() + ": " + errors.get(0).message(), errors);
        }
    }

    private void publish(Unit unit) {
        outbox.publish(UnitChanged.TOPIC, UnitChanged.TYPE, unit.code,
                ParticipantMapper.toEvent(ParticipantMapper.toInput(unit), unit.version));
    }
}
