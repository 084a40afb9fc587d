package se.kasam.sickleave.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import se.kasam.platform.jobs.ClusterJobs;
import se.kasam.sickleave.Unit;
import se.kasam.sickleave.config.SickleaveConfig;
import se.kasam.sickleave.repository.ArchiveRepository;
import se.kasam.sickleave.repository.UnitRepository;
import se.kasam.sickleave.rules.Archive;

/**
 * Purges individual absence data older than the retention: a closed year whose last day is older than the
 * retention is rolled up into archived figures (so its statutory figures stay reproducible), its monthly facts are
 * deleted, and so are the spells that ended before the first month still kept as facts, with the follow-up signals
 * due before it. A spell is thus kept at most until the year after it ended is closed and old enough; a spell
 * reaching into a kept month stays, so recomputing an employee never changes archived months.
 */
@ApplicationScoped
public class RetentionService {
    private static final Logger LOG = Logger.getLogger(RetentionService.class);

    /** What a purge did. */
    public record Purge(List<Integer> yearsArchived, int spellsPurged, int followUpsPurged) {
    }

    public static final String NAME = "sickleave.retention";

    @Inject
    FactService facts;

    @Inject
    ClusterJobs jobs;

    @Inject
    ArchiveRepository archive;

    @Inject
    PublicationService publications;

    @Inject
    UnitRepository units;

    @Inject
    SickleaveConfig config;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Scheduled(cron = "${kasam.sickleave.retention-cron}", timeZone = "${kasam.time.zone}",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        jobs.runExclusively(NAME, () -> {
            Purge purge = purge(LocalDate.now(clock).minus(config.retention()));
            LOG.infof("retention: archived years %s, purged %d spells and %d follow-up signals", purge.yearsArchived(),
                    purge.spellsPurged(), purge.followUpsPurged());
        });
    }

    /** Archives the years that ended before {@code cutoff} and purges what they held of individuals. */
    @Transactional
    public Purge purge(LocalDate cutoff) {
        facts.lock();
        List<Integer> years = new ArrayList<>();
        Map<String, List<String>> ancestors = ancestors();
        for (LocalDate from = facts.liveFrom(); from.withDayOfYear(1).plusYears(1).isBefore(cutoff.plusDays(1));
             from = facts.liveFrom()) {
            // the year's figures are answered from its publication from now on: as of its last facts
            publications.publish(from.getYear());
            archive.archiveYear(from.getYear(), ancestors);
            years.add(from.getYear());
        }
        LocalDate kept = facts.liveFrom();
        int periods = em.createNativeQuery("""
                delete from spell_period where spell_id in (select spell_id from spell where last_day < ?1)""")
                .setParameter(1, kept).executeUpdate();
        int spells = em.createNativeQuery("delete from spell where last_day < ?1").setParameter(1, kept).executeUpdate();
        int followUps = em.createNativeQuery("delete from follow_up where due_on < ?1").setParameter(1, kept).executeUpdate();
        LOG.debugf("retention: %d periods of %d spells", periods, spells);
        return new Purge(years, spells, followUps);
    }

    private Map<String, List<String>> ancestors() {
        Map<String, String> parents = new HashMap<>();
        for (Unit unit : units.listAll()) {
            parents.put(unit.code, unit.parentCode);
        }
        Map<String, List<String>> chains = new HashMap<>();
        for (String code : parents.keySet()) {
            List<String> chain = new ArrayList<>();
            for (String u = code; u != null && !chain.contains(u); u = parents.get(u)) {
                chain.add(u);
            }
            chains.put(code, chain);
        }
        return chains;
    }
}
