package se.kasam.survey.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import se.kasam.platform.jdbc.BulkCopy;
import se.kasam.survey.rules.Demography;
import se.kasam.survey.rules.StoredResponse;

/**
 * The responses: pending (written at submit) and mixed (moved in shuffled batches, with fresh random ids), their
 * answers and scores, and the free texts kept apart.
 */
@ApplicationScoped
public class ResponseRepository {
    @Inject
    EntityManager em;

    @Inject
    BulkCopy bulk;

    @Inject
    ObjectMapper json;

    private record Payload(List<StoredResponse.Value> answers, List<StoredResponse.Text> texts) {
    }

    public void addPending(UUID round, StoredResponse response) {
        em.createNativeQuery("""
                        insert into response_pending (id, round_id, submitted_on, pseudonym, unit_code, legal_gender, age_band, answers)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, cast(?8 as jsonb))""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, round).setParameter(3, response.submittedOn())
                .setParameter(4, response.pseudonym()).setParameter(5, response.demography().unit())
                .setParameter(6, response.demography().gender()).setParameter(7, response.demography().band())
                .setParameter(8, write(new Payload(response.answers(), response.texts()))).executeUpdate();
    }

    /** The rounds with responses waiting to be mixed, and how many. */
    @SuppressWarnings("unchecked")
    public Map<UUID, Long> pendingByRound() {
        List<Object[]> rows = em.createNativeQuery("select round_id, count(*) from response_pending group by round_id")
                .getResultList();
        Map<UUID, Long> pending = new HashMap<>();
        rows.forEach(r -> pending.put((UUID) r[0], ((Number) r[1]).longValue()));
        return pending;
    }

    /** Takes a round's pending responses out (locked rows, deleted in the caller's transaction). */
    @SuppressWarnings("unchecked")
    public List<StoredResponse> takePending(UUID round) {
        List<Object[]> rows = em.createNativeQuery("""
                        delete from response_pending where id in (
                            select id from response_pending where round_id = ?1 for update skip locked)
                        returning submitted_on, pseudonym, unit_code, legal_gender, age_band, cast(answers as text)""")
                .setParameter(1, round).getResultList();
        List<StoredResponse> taken = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            Payload payload = read((String) r[5]);
            taken.add(new StoredResponse(day(r[0]), (String) r[1], new Demography((String) r[2], (String) r[3], (String) r[4]),
                    payload.answers(), payload.texts(), List.of()));
        }
        return taken;
    }

    /** Takes n mixed responses of a round back out at random (their texts stay where they are), to mix them again. */
    @SuppressWarnings("unchecked")
    public List<StoredResponse> takeBack(UUID round, int n) {
        List<Object[]> rows = em.createNativeQuery("""
                        delete from response where id in (
                            select id from response where round_id = ?1 order by random() limit ?2)
                        returning id, submitted_on, pseudonym, unit_code, legal_gender, age_band""")
                .setParameter(1, round).setParameter(2, n).getResultList();
        List<StoredResponse> taken = new ArrayList<>();
        for (Object[] r : rows) {
            List<Object[]> answers = em.createNativeQuery(
                            "select instrument_code, item_id, value from response_answer where response_id = ?1")
                    .setParameter(1, r[0]).getResultList();
            // the answers and scores went with the response (on delete cascade); the answers are read back first
            taken.add(new StoredResponse(day(r[1]), (String) r[2], new Demography((String) r[3], (String) r[4], (String) r[5]),
                    answers.stream().map(a -> new StoredResponse.Value((String) a[0], (String) a[1], ((Number) a[2]).intValue())).toList(),
                    List.of(), List.of()));
        }
        return taken;
    }

    /**
     * Writes mixed responses in the order given (the caller shuffles), each under a new random id, with their
     * answers, their scores and, apart, their texts.
     */
    public void addMixed(UUID round, List<StoredResponse> responses) {
        List<Object[]> responseRows = new ArrayList<>();
        List<Object[]> answerRows = new ArrayList<>();
        List<Object[]> scoreRows = new ArrayList<>();
        List<Object[]> textRows = new ArrayList<>();
        for (StoredResponse r : responses) {
            UUID id = UUID.randomUUID();
            responseRows.add(new Object[]{id, round, r.submittedOn(), r.pseudonym(), r.demography().unit(),
                    r.demography().gender(), r.demography().band()});
            r.answers().forEach(a -> answerRows.add(new Object[]{id, a.instrument(), a.item(), a.value()}));
            r.scores().forEach(s -> scoreRows.add(new Object[]{id, s.instrument(), s.score().measure(), s.score().value(),
                    s.score().answered(), s.score().items()}));
            r.texts().forEach(t -> textRows.add(new Object[]{UUID.randomUUID(), round, t.instrument(), t.item(),
                    r.demography().unit(), t.text(), null}));
        }
        bulk.copy("response", List.of("id", "round_id", "submitted_on", "pseudonym", "unit_code", "legal_gender", "age_band"), responseRows);
        bulk.copy("response_answer", List.of("response_id", "instrument_code", "item_id", "value"), answerRows);
        bulk.copy("response_score", List.of("response_id", "instrument_code", "measure", "value", "answered", "items"), scoreRows);
        bulk.copy("free_text", List.of("id", "round_id", "instrument_code", "item_id", "unit_code", "text", "group_unit"), textRows);
    }

    public long count(UUID round) {
        return ((Number) em.createNativeQuery("select count(*) from response where round_id = ?1")
                .setParameter(1, round).getSingleResult()).longValue();
    }

    public boolean pseudonymAnswered(UUID round, String pseudonym) {
        return ((Number) em.createNativeQuery("""
                        select (select count(*) from response where round_id = ?1 and pseudonym = ?2)
                             + (select count(*) from response_pending where round_id = ?1 and pseudonym = ?2)""")
                .setParameter(1, round).setParameter(2, pseudonym).getSingleResult()).longValue() > 0;
    }

    private static LocalDate day(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Payload read(String value) {
        try {
            return json.readValue(value, Payload.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a pending response cannot be read", e);
        }
    }
}
