package se.kasam.workshops.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import se.kasam.platform.problem.ProblemException;
import se.kasam.platform.web.Versions;
import se.kasam.workshops.UnitSetting;
import se.kasam.workshops.config.WorkshopsConfig;
import se.kasam.workshops.mapping.UnitSettingInput;
import se.kasam.workshops.mapping.UnitSettingView;
import se.kasam.workshops.repository.UnitRepository;
import se.kasam.workshops.repository.UnitSettingRepository;

/** A workplace's location and staffing cap, which HR does not send. */
@ApplicationScoped
public class UnitSettingService {
    @Inject
    Clock clock;

    @Inject
    WorkshopsConfig config;

    @Inject
    UnitRepository units;

    @Inject
    WorkshopsAccess access;

    @Inject
    UnitSettingRepository settings;

    @Transactional(Transactional.TxType.SUPPORTS)
    public UnitSettingView get(String unitCode) {
        requireUnit(unitCode);
        access.unit(unitCode);
        return settings.findByIdOptional(unitCode).map(UnitSettingService::view)
                .orElse(new UnitSettingView(unitCode, null, null, null, config.defaultAwayCapPercent(), false, 0));
    }

    /** @param ifMatch the ETag read last; needed once the unit has a setting (a first one needs none) */
    @Transactional
    public UnitSettingView put(String unitCode, String ifMatch, UnitSettingInput input) {
        requireUnit(unitCode);
        if ((input.latitude() == null) != (input.longitude() == null)) {
            throw ProblemException.invalid("longitude", "Location", "a location has both latitude and longitude");
        }
        UnitSetting setting = settings.findById(unitCode);
        if (setting == null) {
            setting = new UnitSetting();
            setting.unitCode = unitCode;
        } else {
            Versions.requireMatch(ifMatch, setting.version);
            setting.version++;
        }
        setting.placeName = input.placeName();
        setting.latitude = input.latitude();
        setting.longitude = input.longitude();
        setting.awayCapPercent = input.awayCapPercent();
        setting.updatedAt = OffsetDateTime.now(clock);
        settings.persist(setting);
        return view(setting);
    }

    private void requireUnit(String unitCode) {
        if (units.findByIdOptional(unitCode).filter(u -> !u.deleted).isEmpty()) {
            throw ProblemException.notFound("unit " + unitCode);
        }
    }

    private static UnitSettingView view(UnitSetting s) {
        return new UnitSettingView(s.unitCode, s.placeName, s.latitude, s.longitude, s.awayCapPercent, true, s.version);
    }
}
