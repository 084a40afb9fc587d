package se.kasam.survey.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import se.kasam.platform.disclosure.Reason;
import se.kasam.survey.rules.Change;
import se.kasam.survey.rules.Demography;

/** The paired comparison of two rounds, computed and protected once; and the pairs it is computed from. */
@ApplicationScoped
public class ComparisonRepository {
    private static final TypeReference<List<StoredPair>> CELLS = new TypeReference<>() {
    };

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /** One paired cell: hidden with its reason, or its paired figures by measure. */
    public record StoredPair(String instrument, String row, String group, Reason reason, Map<String, Change.Paired> figures) {
    }

    /** A follow-up response's stored tuple, and per measure its baseline and follow-up score (both valid). */
    public record Pair(Demography demography, Map<String, double[]> values) {
    }

    /** The people who answered both rounds, matched by pseudonym, with the scores valid in both. */
    @SuppressWarnings("unchecked")
    public List<Pair> pairs(UUID baseline, UUID followUp, String instrument) {
        List<Object[]> rows = em.createNativeQuery("""
                        select f.id, f.unit_code, f.legal_gender, f.age_band, fs.measure, bs.value, fs.value
                        from response f
                        join response b on b.round_id = ?1 and b.pseudonym = f.pseudonym
                        join response_score fs on fs.response_id = f.id and fs.instrument_code = ?3
                        join response_score bs on bs.response_id = b.id and bs.instrument_code = ?3 and bs.measure = fs.measure
                        where f.round_id = ?2 and fs.value is not null and bs.value is not null""")
                .setParameter(1, baseline).setParameter(2, followUp).setParameter(3, instrument).getResultList();
        Map<Object, Pair> byResponse = new LinkedHashMap<>();
        for (Object[] r : rows) {
            byResponse.computeIfAbsent(r[0], id -> new Pair(new Demography((String) r[1], (String) r[2], (String) r[3]),
                    new LinkedHashMap<>())).values().put((String) r[4],
                    new double[]{((Number) r[5]).doubleValue(), ((Number) r[6]).doubleValue()});
        }
        return new ArrayList<>(byResponse.values());
    }

    public Optional<List<StoredPair>> find(UUID baseline, UUID followUp) {
        List<?> found = em.createNativeQuery("select cast(cells as text) from comparison where baseline_id = ?1 and follow_up_id = ?2")
                .setParameter(1, baseline).setParameter(2, followUp).getResultList();
        return found.stream().findFirst().map(s -> read((String) s));
    }

    public void store(UUID baseline, UUID followUp, List<StoredPair> cells, OffsetDateTime at) {
        em.createNativeQuery("""
                        insert into comparison (baseline_id, follow_up_id, computed_at, cells) values (?1, ?2, ?3, cast(?4 as jsonb))
                        on conflict do nothing""")
                .setParameter(1, baseline).setParameter(2, followUp).setParameter(3, at).setParameter(4, write(cells))
                .executeUpdate();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private List<StoredPair> read(String value) {
        try {
            return json.readValue(value, CELLS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored comparison cannot be read", e);
        }
    }
}
