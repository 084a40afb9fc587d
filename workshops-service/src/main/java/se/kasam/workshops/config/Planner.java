package se.kasam.workshops.config;

import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.config.solver.SolverConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import java.util.UUID;
import se.kasam.workshops.planning.Party;
import se.kasam.workshops.planning.Plan;
import se.kasam.workshops.planning.PlanConstraints;

/**
 * Timefold's solver manager, produced here (its Quarkus extension does not resolve in this build): one solving
 * thread, jobs queued, each ended by its own time limit (30 s unless the request says otherwise).
 */
@ApplicationScoped
public class Planner {
    @Produces
    @ApplicationScoped
    SolverManager<Plan, UUID> solverManager() {
        SolverConfig config = new SolverConfig().withSolutionClass(Plan.class).withEntityClasses(Party.class)
                .withConstraintProviderClass(PlanConstraints.class).withTerminationSpentLimit(Duration.ofSeconds(30));
        return SolverManager.create(config);
    }

    void close(@Disposes SolverManager<Plan, UUID> solverManager) {
        solverManager.close();
    }
}
