package se.kasam.survey.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jboss.logging.Logger;
import se.kasam.platform.jobs.ClusterJobs;
import se.kasam.platform.problem.ProblemException;
import se.kasam.survey.SurveyRound;
import se.kasam.survey.mapping.RoundView;
import se.kasam.survey.repository.RoundRepository;

/**
 * Opens and closes rounds: at their times (a job on one replica at a time) or when the project lead says so. A close
 * is followed by a vacuum of the pending responses (outside its transaction), so none is left in its pages.
 */
@ApplicationScoped
public class RoundSchedule {
    private static final Logger LOG = Logger.getLogger(RoundSchedule.class);
    private static final String JOB = "survey.round-schedule";

    @Inject
    Clock clock;

    @Inject
    RoundRepository rounds;

    @Inject
    RoundService service;

    @Inject
    ResponseMixer mixer;

    @Inject
    ClusterJobs jobs;

    @Scheduled(every = "${kasam.survey.schedule-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        runDue();
    }

    /** Opens and closes what is due; @return whether this replica ran it */
    public boolean runDue() {
        return jobs.runExclusively(JOB, () -> {
            var due = QuarkusTransaction.requiringNew().call(() -> rounds.due(OffsetDateTime.now(clock)).stream()
                    .map(r -> new Object[]{r.id, r.status}).toList());
            for (Object[] r : due) {
                try {
                    if (r[1] == SurveyRound.Status.PLANNED) {
                        QuarkusTransaction.requiringNew().call(() -> service.open((UUID) r[0]));
                    } else {
                        close((UUID) r[0]);
                    }
                } catch (ProblemException e) {
                    // the project lead opened or closed it a moment before: nothing left to do
                    LOG.debugf("round %s: %s", r[0], e.getMessage());
                } catch (RuntimeException e) {
                    LOG.errorf(e, "round %s could not be opened or closed at its time; tried again next run", r[0]);
                }
            }
        });
    }

    public RoundView open(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> service.open(id));
    }

    public RoundView close(UUID id) {
        RoundView closed = QuarkusTransaction.requiringNew().call(() -> service.close(id));
        mixer.vacuum();
        return closed;
    }
}
