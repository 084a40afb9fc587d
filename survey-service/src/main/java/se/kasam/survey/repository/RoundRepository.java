package se.kasam.survey.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import se.kasam.survey.SurveyRound;
import se.kasam.survey.mapping.InstrumentRef;
import se.kasam.survey.rules.Demography;

@ApplicationScoped
public class RoundRepository implements PanacheRepositoryBase<SurveyRound, UUID> {

    public SurveyRound lock(UUID id) {
        return findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Planned rounds whose opening time has come, and open rounds whose closing time has. A round opened after its
     * closing time (one held before, whose answers are brought in) is closed by the project lead, not by the clock.
     */
    public List<SurveyRound> due(OffsetDateTime now) {
        return list("(status = ?1 and opensAt <= ?3) or (status = ?2 and closesAt <= ?3 and closesAt > openedAt)",
                SurveyRound.Status.PLANNED, SurveyRound.Status.OPEN, now);
    }

    public void addInstrument(UUID round, int position, String code, int version) {
        getEntityManager().createNativeQuery("""
                        insert into round_instrument (round_id, position, instrument_code, instrument_version)
                        values (?1, ?2, ?3, ?4)""")
                .setParameter(1, round).setParameter(2, position).setParameter(3, code).setParameter(4, version)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<InstrumentRef> instruments(UUID round) {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        select instrument_code, instrument_version from round_instrument where round_id = ?1 order by position""")
                .setParameter(1, round).getResultList();
        return rows.stream().map(r -> new InstrumentRef((String) r[0], ((Number) r[1]).intValue())).toList();
    }

    public void freezeTree(UUID round, Map<String, String> parents) {
        parents.forEach((code, parent) -> getEntityManager().createNativeQuery(
                        "insert into round_unit (round_id, code, parent_code) values (?1, ?2, ?3)")
                .setParameter(1, round).setParameter(2, code).setParameter(3, parent).executeUpdate());
    }

    /** The round's unit tree as frozen at open: each unit and its parent (null at the top). */
    @SuppressWarnings("unchecked")
    public Map<String, String> tree(UUID round) {
        List<Object[]> rows = getEntityManager().createNativeQuery(
                        "select code, parent_code from round_unit where round_id = ?1 order by code")
                .setParameter(1, round).getResultList();
        Map<String, String> tree = new LinkedHashMap<>();
        rows.forEach(r -> tree.put((String) r[0], (String) r[1]));
        return tree;
    }

    public void addClasses(UUID round, Map<Demography, Demography> classes) {
        classes.forEach((own, stored) -> getEntityManager().createNativeQuery("""
                        insert into round_class (round_id, unit_code, legal_gender, age_band, class_unit, class_gender, class_band)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, round).setParameter(2, own.unit()).setParameter(3, own.gender())
                .setParameter(4, own.band()).setParameter(5, stored.unit()).setParameter(6, stored.gender())
                .setParameter(7, stored.band()).executeUpdate());
    }

    /** How an invitee of these demographics is stored with their response. */
    public Demography storedAs(UUID round, String unit, String gender, String band) {
        Object[] r = (Object[]) getEntityManager().createNativeQuery("""
                        select class_unit, class_gender, class_band from round_class
                        where round_id = ?1 and unit_code = ?2 and legal_gender = ?3 and age_band = ?4""")
                .setParameter(1, round).setParameter(2, unit).setParameter(3, gender).setParameter(4, band)
                .getSingleResult();
        return new Demography((String) r[0], (String) r[1], (String) r[2]);
    }
}
