package se.kasam.survey.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import se.kasam.survey.Instrument;

@ApplicationScoped
public class InstrumentRepository implements PanacheRepositoryBase<Instrument, Instrument.Key> {

    /** The newest version of every instrument, by code. */
    public List<Instrument> latest() {
        return list("from Instrument i where i.version = (select max(j.version) from Instrument j where j.code = i.code) order by i.code");
    }

    public Optional<Instrument> latest(String code) {
        return find("code = ?1 order by version desc", code).firstResultOptional();
    }

    public Optional<Instrument> version(String code, int version) {
        return findByIdOptional(new Instrument.Key(code, version));
    }

    public boolean inUse(String code, int version) {
        return ((Number) getEntityManager().createNativeQuery(
                        "select count(*) from round_instrument where instrument_code = ?1 and instrument_version = ?2")
                .setParameter(1, code).setParameter(2, version).getSingleResult()).longValue() > 0;
    }

    /** Adds a built-in's first version unless it is there (several replicas may start at once). */
    public void insertIfAbsent(String code, String definition, java.time.OffsetDateTime now) {
        getEntityManager().createNativeQuery("""
                        insert into instrument (code, version, revision, definition, created_at, updated_at)
                        values (?1, 1, 1, cast(?2 as jsonb), ?3, ?3) on conflict do nothing""")
                .setParameter(1, code).setParameter(2, definition).setParameter(3, now).executeUpdate();
    }
}
