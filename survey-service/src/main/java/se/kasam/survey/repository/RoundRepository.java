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
    @jakarta.inject.Inject
    se.kasam.platform.jdbc.BulkCopy bulk;

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
        bulk.copy("round_unit", List.of("round_id", "code", "parent_code"),
                parents.entrySet().stream().map(e -> new Object[]{round, e.getKey(), e.getValue()}).toList());
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
        bulk.copy("round_class", List.of("round_id", "unit_code", "legal_gender", "age_band", "class_unit", "class_gender",
                "class_band"), classes.entrySet().stream().map(e -> new Object[]{round, e.getKey().unit(), e.getKey().gender(),
                e.getKey().band(), e.getValue().unit(), e.getValue().gender(), e.getValue().band()}).toList());
    }

    /** How each invitee tuple of the round is stored with a response. */
    @SuppressWarnings("unchecked")
    public Map<Demography, Demography> classes(UUID round) {
        List<Object[]> rows = getEntityManager().createNativeQuery(
                        "select unit_code, legal_gender, age_band, class_unit, class_gender, class_band from round_class where round_id = ?1")
                .setParameter(1, round).getResultList();
        Map<Demography, Demography> classes = new java.util.HashMap<>();
        rows.forEach(r -> classes.put(new Demography((String) r[0], (String) r[1], (String) r[2]),
                new Demography((String) r[3], (String) r[4], (String) r[5])));
        return classes;
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
