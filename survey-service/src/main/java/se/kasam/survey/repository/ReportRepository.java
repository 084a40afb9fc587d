package se.kasam.survey.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import se.kasam.platform.disclosure.Reason;
import se.kasam.platform.jdbc.BulkCopy;
import se.kasam.survey.rules.Demography;
import se.kasam.survey.rules.RoundPublication.PublishedCell;
import se.kasam.survey.rules.Summary;

/** A closed round's publication (its cells, figures only where shown), what it is computed from, and its free texts. */
@ApplicationScoped
public class ReportRepository {
    @Inject
    EntityManager em;

    @Inject
    BulkCopy bulk;

    @Inject
    ObjectMapper json;

    /** One respondent's stored tuple and values on an instrument's measures (scores by measure, items "item:id"). */
    public record RespondentValues(Demography demography, Map<String, Double> values) {
    }

    /** The stored tuples of a round, each once. */
    @SuppressWarnings("unchecked")
    public List<Demography> storedTuples(UUID round) {
        List<Object[]> rows = em.createNativeQuery("""
                        select distinct class_unit, class_gender, class_band from round_class where round_id = ?1
                        order by 1, 2 nulls last, 3 nulls last""")
                .setParameter(1, round).getResultList();
        return rows.stream().map(r -> new Demography((String) r[0], (String) r[1], (String) r[2])).toList();
    }

    /** Every response of the round that answered the instrument, with its scores and item answers. */
    @SuppressWarnings("unchecked")
    public List<RespondentValues> respondents(UUID round, String instrument) {
        List<Object[]> rows = em.createNativeQuery("""
                        select r.id, r.unit_code, r.legal_gender, r.age_band, s.measure, s.value
                        from response r join response_score s on s.response_id = r.id
                        where r.round_id = ?1 and s.instrument_code = ?2
                        union all
                        select r.id, r.unit_code, r.legal_gender, r.age_band, 'item:' || a.item_id, a.value
                        from response r join response_answer a on a.response_id = r.id
                        where r.round_id = ?1 and a.instrument_code = ?2""")
                .setParameter(1, round).setParameter(2, instrument).getResultList();
        Map<Object, RespondentValues> byResponse = new LinkedHashMap<>();
        for (Object[] r : rows) {
            RespondentValues v = byResponse.computeIfAbsent(r[0], id -> new RespondentValues(
                    new Demography((String) r[1], (String) r[2], (String) r[3]), new LinkedHashMap<>()));
            v.values().put((String) r[4], r[5] == null ? null : ((Number) r[5]).doubleValue());
        }
        return new ArrayList<>(byResponse.values());
    }

    public void writeCells(UUID round, String instrument, List<PublishedCell> cells) {
        bulk.copy("report_cell", List.of("round_id", "instrument_code", "row_key", "grp", "respondents", "reason", "figures"),
                cells.stream().map(c -> new Object[]{round, instrument, c.row(), c.group(),
                        c.reason() == null ? c.respondents() : null, c.reason(),
                        c.reason() == null ? write(c.figures()) : null}).toList());
    }

    /** A stored cell: hidden with its reason, or shown with its respondents and figures by measure. */
    public record StoredCell(String row, String group, Reason reason, Long respondents, Map<String, Summary.Figures> figures) {
    }

    @SuppressWarnings("unchecked")
    public List<StoredCell> cells(UUID round, String instrument, List<String> rows) {
        List<Object[]> found = em.createNativeQuery("""
                        select row_key, grp, reason, respondents, cast(figures as text) from report_cell
                        where round_id = ?1 and instrument_code = ?2 and row_key = any(?3)""")
                .setParameter(1, round).setParameter(2, instrument).setParameter(3, rows.toArray(String[]::new))
                .getResultList();
        return found.stream().map(r -> new StoredCell((String) r[0], (String) r[1],
                r[2] == null ? null : Reason.valueOf((String) r[2]), r[3] == null ? null : ((Number) r[3]).longValue(),
                r[4] == null ? Map.of() : read((String) r[4]))).toList();
    }

    /** Respondents per stored unit. */
    @SuppressWarnings("unchecked")
    public Map<String, Long> respondentsByUnit(UUID round) {
        List<Object[]> rows = em.createNativeQuery("select unit_code, count(*) from response where round_id = ?1 group by unit_code")
                .setParameter(1, round).getResultList();
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
        return counts;
    }

    public void setTextGroups(UUID round, Map<String, String> groups) {
        groups.forEach((unit, group) -> em.createNativeQuery(
                        "update free_text set group_unit = ?3 where round_id = ?1 and unit_code = ?2")
                .setParameter(1, round).setParameter(2, unit).setParameter(3, group).executeUpdate());
    }

    /** The texts of an item in the given groups, in random order. */
    @SuppressWarnings("unchecked")
    public List<String> texts(UUID round, String instrument, String item, List<String> groups) {
        return em.createNativeQuery("""
                        select text from free_text where round_id = ?1 and instrument_code = ?2 and item_id = ?3
                        and group_unit = any(?4) order by random()""", String.class)
                .setParameter(1, round).setParameter(2, instrument).setParameter(3, item)
                .setParameter(4, groups.toArray(String[]::new)).getResultList();
    }

    /** The distinct groups of a round's free texts. */
    @SuppressWarnings("unchecked")
    public List<String> textGroups(UUID round) {
        return em.createNativeQuery("select distinct group_unit from free_text where round_id = ?1 and group_unit is not null",
                String.class).setParameter(1, round).getResultList();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Map<String, Summary.Figures> read(String value) {
        try {
            return json.readValue(value, new TypeReference<LinkedHashMap<String, Summary.Figures>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored report cell cannot be read", e);
        }
    }
}
