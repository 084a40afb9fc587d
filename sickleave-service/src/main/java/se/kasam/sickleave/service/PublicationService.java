package se.kasam.sickleave.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import se.kasam.platform.disclosure.Policy;
import se.kasam.platform.jobs.ClusterJobs;
import se.kasam.sickleave.Unit;
import se.kasam.sickleave.config.SickleaveConfig;
import se.kasam.sickleave.repository.PublicationRepository;
import se.kasam.sickleave.repository.PublicationRepository.Published;
import se.kasam.sickleave.repository.UnitRepository;
import se.kasam.sickleave.rules.YearPublication;
import se.kasam.sickleave.rules.YearPublication.FactRow;
import se.kasam.sickleave.rules.YearPublication.PublishedCell;

/**
 * Keeps each year's protected publication up to date, off the request path: a change of facts or of the unit tree
 * marks the live years out of date (in the change's transaction, so nothing is missed), and this job recomputes
 * them a moment later, on one replica, a year in one transaction. Until then the answers come from the previous
 * publication, whole. An archived year keeps the publication it had when its facts were purged.
 */
@ApplicationScoped
public class PublicationService {
    private static final Logger LOG = Logger.getLogger(PublicationService.class);
    public static final String NAME = "sickleave.publication";

    @Inject
    PublicationRepository publications;

    @Inject
    UnitRepository units;

    @Inject
    FactService facts;

    @Inject
    SickleaveConfig config;

    @Inject
    ClusterJobs jobs;

    @Inject
    Clock clock;

    /** The policy of every sick-leave figure: the statute's ten, no figure of one person, a 5-point interval. */
    public Policy policy() {
        return new Policy(config.suppressionThreshold(), 2, config.protectionInterval());
    }

    /** The live years' facts changed (in the caller's transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void factsChanged() {
        publications.factsChanged(facts.liveFrom().getYear(), LocalDate.now(clock).getYear());
    }

    /** A unit moved, came or went: every live year's subtrees change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void treeChanged() {
        factsChanged();
    }

    @Scheduled(every = "${kasam.sickleave.publication-refresh-every:2s}", concurrentExecution = ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        refresh();
    }

    /** @return whether this replica ran it (false: another was at it) */
    public boolean refresh() {
        return jobs.runExclusively(NAME, () -> {
            int live = QuarkusTransaction.requiringNew().call(() -> facts.liveFrom().getYear());
            Map<Integer, Long> stale = QuarkusTransaction.requiringNew().call(() -> publications.outOfDate(live));
            stale.keySet().forEach(this::publishBeside);
        });
    }

    /** Refreshes until no live year is out of date, waiting for another replica's run if need be (tests, tools). */
    public void refreshNow(Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            refresh();
            int live = QuarkusTransaction.requiringNew().call(() -> facts.liveFrom().getYear());
            if (QuarkusTransaction.requiringNew().call(() -> publications.outOfDate(live)).isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the publications are still out of date after " + atMost);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private record Snapshot(long version, List<FactRow> rows, Map<String, String> parents) {
    }

    /**
     * Computes a year's publication beside the imports: the facts and their version are read under the facts' lock,
     * the protection runs without it, and the result is stored only if the facts are still that version (otherwise
     * the next run computes it again from the newer facts).
     */
    private void publishBeside(int year) {
        Snapshot snapshot = QuarkusTransaction.requiringNew().call(() -> {
            facts.lock();
            return new Snapshot(publications.factsVersion(year), publications.facts(year), parents());
        });
        long started = System.nanoTime();
        List<PublishedCell> cells = YearPublication.protect(snapshot.parents(), snapshot.rows(), policy());
        long millis = (System.nanoTime() - started) / 1_000_000;
        boolean stored = QuarkusTransaction.requiringNew().call(() -> {
            if (publications.factsVersion(year) != snapshot.version()) {
                return false;
            }
            publications.replace(year, snapshot.version(), cells, millis);
            return true;
        });
        LOG.infof("publication %d: %d cells from %d monthly facts, %d hidden, protected in %d ms%s", year, cells.size(),
                snapshot.rows().size(), cells.stream().filter(c -> c.reason() != null).count(), millis,
                stored ? "" : " (facts changed meanwhile: computed again next)");
    }

    /**
     * Computes and stores a year's publication from its facts, in the caller's transaction, holding the facts' lock
     * so that the facts and their version are read as one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(int year) {
        facts.lock();
        long version = publications.factsVersion(year);
        List<FactRow> rows = publications.facts(year);
        long started = System.nanoTime();
        List<PublishedCell> cells = YearPublication.protect(parents(), rows, policy());
        long millis = (System.nanoTime() - started) / 1_000_000;
        publications.replace(year, version, cells, millis);
        LOG.infof("publication %d: %d cells from %d monthly facts, %d hidden, protected in %d ms", year, cells.size(),
                rows.size(), cells.stream().filter(c -> c.reason() != null).count(), millis);
    }

    @Transactional
    public List<Published> published() {
        return publications.published();
    }

    private Map<String, String> parents() {
        Map<String, String> parents = new HashMap<>();
        for (Unit unit : units.listAll()) {
            parents.put(unit.code, unit.parentCode);
        }
        return parents;
    }
}
