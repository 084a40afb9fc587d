package se.kasam.sickleave.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import se.kasam.sickleave.Unit;
import se.kasam.sickleave.mapping.UnitChanged;
import se.kasam.sickleave.repository.UnitRepository;

/** Keeps the unit projection (tree and managers): the newest state per unit wins. */
@ApplicationScoped
public class UnitProjection {
    @Inject
    Clock clock;

    @Inject
    UnitRepository units;

    @Inject
    PublicationService publications;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(UnitChanged event) {
        Objects.requireNonNull(event.code(), "code");
        Unit unit = units.findById(event.code());
        if (unit == null) {
            unit = new Unit();
            unit.code = event.code();
        } else if (unit.sourceVersion >= event.version()) {
            return;
        }
        if (unit.updatedAt == null || !java.util.Objects.equals(unit.parentCode, event.parentCode())
                || unit.deleted != event.deleted()) {
            publications.treeChanged();
        }
        unit.parentCode = event.parentCode();
        unit.managers = (event.managers() == null ? List.<String>of() : event.managers()).toArray(String[]::new);
        unit.deleted = event.deleted();
        unit.sourceVersion = event.version();
        unit.updatedAt = OffsetDateTime.now(clock);
        units.persist(unit);
    }
}
