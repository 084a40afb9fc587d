package se.kasam.survey.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import se.kasam.platform.jobs.ClusterJobs;
import se.kasam.survey.config.SurveyConfig;
import se.kasam.survey.mapping.InstrumentRef;
import se.kasam.survey.repository.ResponseRepository;
import se.kasam.survey.repository.RoundRepository;
import se.kasam.survey.rules.AnswerRules;
import se.kasam.survey.rules.InstrumentDefinition;
import se.kasam.survey.rules.Scoring;
import se.kasam.survey.rules.StoredResponse;

/**
 * Moves submitted responses into the response table in shuffled batches of at least the threshold's number, each
 * under a fresh random id and in one transaction of its own: a stored response then shares no transaction id, no
 * physical order and no time with its invitation, only a batch with k or more others. At close the last batch is
 * made up to k with responses taken back out at random. The pending table is vacuumed after, so the rows it held
 * are gone from its pages too.
 */
@ApplicationScoped
public class ResponseMixer {
    private static final Logger LOG = Logger.getLogger(ResponseMixer.class);
    private static final String JOB = "survey.mix-responses";
    private final SecureRandom random = new SecureRandom();

    @Inject
    ResponseRepository responses;

    @Inject
    RoundRepository rounds;

    @Inject
    InstrumentService instruments;

    @Inject
    SurveyConfig config;

    @Inject
    ClusterJobs jobs;

    @Inject
    DataSource dataSource;

    @Scheduled(every = "${kasam.survey.mix-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        mixAll();
    }

    /** Mixes every round with enough waiting; @return whether this replica ran it */
    public boolean mixAll() {
        return jobs.runExclusively(JOB, () -> {
            Map<UUID, Long> pending = QuarkusTransaction.requiringNew().call(responses::pendingByRound);
            int mixed = 0;
            for (var e : pending.entrySet()) {
                if (e.getValue() >= config.minRespondents()) {
                    mixed += QuarkusTransaction.requiringNew().call(() -> mix(e.getKey(), false));
                }
            }
            if (mixed > 0) {
                vacuum();
            }
        });
    }

    /**
     * @param all also a batch smaller than k (at close), made up to k from the round's mixed responses
     * @return how many responses were written
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int mix(UUID round, boolean all) {
        List<StoredResponse> batch = new ArrayList<>(responses.takePending(round));
        int k = config.minRespondents();
        if (batch.isEmpty()) {
            return 0;
        }
        if (batch.size() < k) {
            if (!all) { // another replica's close took the rest: leave these where they were
                QuarkusTransaction.setRollbackOnly();
                return 0;
            }
            batch.addAll(responses.takeBack(round, k - batch.size()));
        }
        List<InstrumentRef> refs = rounds.instruments(round);
        List<InstrumentDefinition> definitions = refs.stream().map(r -> instruments.definition(r.code(), r.version())).toList();
        List<StoredResponse> scored = new ArrayList<>(batch.size());
        for (StoredResponse r : batch) {
            Map<String, Map<String, Integer>> values = AnswerRules.values(r.answers());
            List<StoredResponse.Scored> scores = new ArrayList<>();
            for (InstrumentDefinition d : definitions) {
                Map<String, Integer> own = values.get(d.code());
                if (own != null) {
                    Scoring.score(d, own).forEach(s -> scores.add(new StoredResponse.Scored(d.code(), s)));
                }
            }
            scored.add(r.withScores(scores));
        }
        Collections.shuffle(scored, random);
        responses.addMixed(round, scored);
        LOG.debugf("mixed %d responses of round %s", scored.size(), round);
        return scored.size();
    }

    /** VACUUM runs outside a transaction, on a connection of its own. */
    void vacuum() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("vacuum response_pending");
        } catch (SQLException e) {
            LOG.warnf("vacuum of response_pending failed (autovacuum will do it): %s", e.getMessage());
        }
    }
}
