package se.kasam.workshops.service;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import se.kasam.platform.problem.ProblemException;
import se.kasam.workshops.mapping.PlanInput;
import se.kasam.workshops.mapping.PlanView;
import se.kasam.workshops.mapping.SessionInput;
import se.kasam.workshops.planning.FirstFit;
import se.kasam.workshops.planning.Party;
import se.kasam.workshops.planning.Plan;
import se.kasam.workshops.planning.Slot;
import se.kasam.workshops.repository.PlanRepository;
import se.kasam.workshops.rules.Travel;

/**
 * Booking plans: solved in the background within a time limit (the best so far stored as it improves, at most every
 * two seconds), read while solving, accepted by the project lead: the sessions it adds are planned and its groups
 * booked, each re-checked against the seats and rules at that moment; what no longer fits is reported, not booked.
 */
@ApplicationScoped
public class PlanService {
    private static final Logger LOG = Logger.getLogger(PlanService.class);
    private static final long STORE_EVERY_NANOS = 2_000_000_000L;

    @Inject
    Clock clock;

    @Inject
    SolverManager<Plan, UUID> solvers;

    @Inject
    PlanProblems problems;

    @Inject
    PlanRepository plans;

    @Inject
    SessionService sessions;

    @Inject
    BookingService bookings;

    @Inject
    WorkshopsAccess access;

    @Inject
    ObjectMapper json;

    private final Map<UUID, long[]> progress = new ConcurrentHashMap<>();

    public PlanView start(PlanInput input) {
        long started = System.nanoTime();
        Plan problem = problems.build(input);
        // a nullable variable counts as initialised, so Timefold's construction phase would place no one: the
        // first plan is made here (it breaks no hard rule), and the solver's local search improves it
        FirstFit.place(problem);
        Long feasible = problem.getParties().stream().allMatch(p -> p.getSlot() != null)
                ? (System.nanoTime() - started) / 1_000_000 : null;
        UUID id = UUID.randomUUID();
        String by = access.name();
        QuarkusTransaction.requiringNew().run(() -> {
            plans.insert(id, problem.getParties().size(), by, OffsetDateTime.now(clock));
            plans.update(id, "SOLVING", null, write(proposal(problem)), feasible, OffsetDateTime.now(clock));
        });
        progress.put(id, new long[] {started, 0});
        int limit = input.timeLimitSeconds() == null ? 30 : input.timeLimitSeconds();
        solvers.solveBuilder().withProblemId(id).withProblem(problem)
                .withConfigOverride(new SolverConfigOverride<Plan>().withTerminationConfig(
                        new TerminationConfig().withSpentLimit(Duration.ofSeconds(limit))))
                .withBestSolutionEventConsumer(event -> better(id, event.solution(), false))
                .withFinalBestSolutionConsumer(solution -> better(id, solution, true))
                .withExceptionHandler((planId, e) -> {
                    LOG.errorf(e, "booking plan %s failed", planId);
                    QuarkusTransaction.requiringNew().run(() -> plans.setStatus(planId, "FAILED", OffsetDateTime.now(clock)));
                })
                .run();
        return get(id);
    }

    public PlanView get(UUID id) {
        PlanRepository.Row row = QuarkusTransaction.requiringNew().call(() -> plans.find(id, false))
                .orElseThrow(() -> ProblemException.notFound("booking plan " + id));
        return new PlanView(row.id(), row.status(), row.score(), row.score() == null ? null : feasible(row.score()),
                row.parties(), row.firstFeasibleMs(), row.proposal() == null ? null : read(row.proposal()));
    }

    /** Ends solving now; the best plan so far is the plan. */
    public PlanView stop(UUID id) {
        get(id);
        solvers.terminateEarly(id);
        return get(id);
    }

    /** Makes the plan's bookings: new sessions first, then each group in a transaction of its own. */
    public PlanView.AcceptReport accept(UUID id) {
        PlanView plan = get(id);
        if (!plan.status().equals("DONE")) {
            throw ProblemException.conflict("booking plan " + id + " is " + plan.status().toLowerCase()
                    + ": a plan is accepted once it is done (stop it to take the best so far)");
        }
        QuarkusTransaction.requiringNew().run(() -> {
            PlanRepository.Row row = plans.find(id, true).orElseThrow();
            if (!row.status().equals("DONE")) {
                throw ProblemException.conflict("booking plan " + id + " is " + row.status().toLowerCase());
            }
            plans.setStatus(id, "ACCEPTED", OffsetDateTime.now(clock));
        });
        int created = 0;
        int booked = 0;
        List<PlanView.Refusal> refused = new ArrayList<>();
        for (PlanView.PlannedSession s : plan.proposal().sessions()) {
            UUID sessionId = s.sessionId();
            if (sessionId == null) {
                sessionId = sessions.create(new SessionInput(s.moduleCode(), s.startsAt(), s.endsAt(), s.placeName(),
                        s.latitude(), s.longitude(), s.seats(), List.of())).id();
                created++;
            }
            for (PlanView.Group group : s.groups()) {
                try {
                    booked += bookings.bookPlanned(sessionId, group.employees()).size();
                } catch (ProblemException e) {
                    refused.add(new PlanView.Refusal(group.employees(), e.getMessage()));
                }
            }
        }
        return new PlanView.AcceptReport(created, booked, refused);
    }

    private void better(UUID id, Plan solution, boolean last) {
        long[] p = progress.computeIfAbsent(id, k -> new long[] {System.nanoTime(), 0});
        HardMediumSoftLongScore score = solution.getScore();
        Long feasibleMs = score != null && score.hardScore() == 0 && score.mediumScore() == 0
                ? (System.nanoTime() - p[0]) / 1_000_000 : null;
        long now = System.nanoTime();
        if (!last && feasibleMs == null && now - p[1] < STORE_EVERY_NANOS) {
            return;
        }
        p[1] = now;
        String proposal = write(proposal(solution));
        QuarkusTransaction.requiringNew().run(() -> plans.update(id, last ? "DONE" : "SOLVING",
                score == null ? null : score.toString(), proposal, feasibleMs, OffsetDateTime.now(clock)));
        if (last) {
            progress.remove(id);
        }
    }

    static PlanView.Proposal proposal(Plan plan) {
        Map<Slot, List<Party>> bySlot = new LinkedHashMap<>();
        List<PlanView.Group> unplaced = new ArrayList<>();
        int placed = 0;
        int left = 0;
        long km = 0;
        for (Party party : plan.getParties()) {
            if (party.getSlot() == null) {
                unplaced.add(group(party));
                left += party.size();
            } else {
                bySlot.computeIfAbsent(party.getSlot(), k -> new ArrayList<>()).add(party);
                placed += party.size();
                if (party.getLatitude() != null && party.getSlot().latitude() != null) {
                    km += Math.round(party.size() * Travel.kilometres(party.getLatitude(), party.getLongitude(),
                            party.getSlot().latitude(), party.getSlot().longitude()));
                }
            }
        }
        List<PlanView.PlannedSession> sessions = new ArrayList<>();
        bySlot.entrySet().stream().sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(Slot::startsAt)
                .thenComparing(Slot::id))).forEach(e -> {
                    Slot s = e.getKey();
                    sessions.add(new PlanView.PlannedSession(s.sessionId(), s.moduleCode(), s.startsAt(), s.endsAt(),
                            s.placeName(), s.latitude(), s.longitude(), s.seats(),
                            e.getValue().stream().map(PlanService::group).toList()));
                });
        int added = (int) bySlot.keySet().stream().filter(Slot::candidate).count();
        return new PlanView.Proposal(placed, left, added, km, sessions, unplaced);
    }

    private static PlanView.Group group(Party party) {
        return new PlanView.Group(party.getModuleCode(), party.getMembers().stream().map(Party.Member::employeeNumber).toList());
    }

    private static boolean feasible(String score) {
        HardMediumSoftLongScore s = HardMediumSoftLongScore.parseScore(score);
        return s.hardScore() == 0 && s.mediumScore() == 0;
    }

    private String write(PlanView.Proposal proposal) {
        try {
            return json.writeValueAsString(proposal);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private PlanView.Proposal read(String proposal) {
        try {
            return json.readValue(proposal, PlanView.Proposal.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("booking_plan.proposal is not a proposal", e);
        }
    }
}
