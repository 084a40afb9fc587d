package se.kasam.participants.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;
import se.kasam.participants.Unit;
import se.kasam.participants.mapping.ParticipantMapper;
import se.kasam.participants.mapping.UnitChanged;
import se.kasam.participants.mapping.UnitInput;
import se.kasam.participants.mapping.UnitView;
import se.kasam.participants.repository.UnitRepository;
import se.kasam.platform.outbox.Outbox;
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

    public UnitView create(UnitInput input) {
        if (units.findById(input.code()) != null) {
            throw ProblemException.conflict("unit " + input.code() + " exists already; update it instead");
        }
        Unit unit = new Unit();
        unit.code = input.code();
        ParticipantMapper.apply(input, unit);
        requireParent(unit);
        unit.updatedAt = OffsetDateTime.now();
        units.persistAndFlush(unit);
        outbox.publish(UnitChanged.TOPIC, UnitChanged.TYPE, unit.code, ParticipantMapper.toEvent(unit));
        return ParticipantMapper.toView(unit);
    }

    public UnitView update(String code, UnitInput input, String ifMatch) {
        Unit unit = find(code);
        Versions.requireMatch(ifMatch, unit.version);
        if (!code.equals(input.code())) {
            throw ProblemException.invalid("code", "Immutable", "the HR code of a unit cannot change (path says " + code + ")");
        }
        int before = unit.version;
        ParticipantMapper.apply(input, unit);
        requireParent(unit);
        units.flush();
        if (unit.version != before) {
            unit.updatedAt = OffsetDateTime.now();
            outbox.publish(UnitChanged.TOPIC, UnitChanged.TYPE, unit.code, ParticipantMapper.toEvent(unit));
        }
        return ParticipantMapper.toView(unit);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public UnitView get(String code) {
        return ParticipantMapper.toView(find(code));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<UnitView> list(PageRequest page) {
        var query = units.findAll(Sort.by("code")).page(page.page, page.size);
        return Page.of(query.list(), page, query.count()).map(ParticipantMapper::toView);
    }

    private Unit find(String code) {
        Unit unit = units.findById(code);
        if (unit == null) {
            throw ProblemException.notFound("unit " + code);
        }
        return unit;
    }

    /** The parent must exist, and a unit may not end up below itself. */
    private void requireParent(Unit unit) {
        Set<String> seen = new HashSet<>(Set.of(unit.code));
        String parent = unit.parentCode;
        while (parent != null) {
            if (!seen.add(parent)) {
                throw ProblemException.invalid("parentCode", "NoCycle", "unit " + unit.code + " cannot be placed below itself");
            }
            Unit next = units.findById(parent);
            if (next == null) {
                throw ProblemException.invalid("parentCode", "UnitExists", "no unit with code " + parent);
            }
            parent = next.parentCode;
        }
    }
}
