package se.kasam.workshops.planning;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.ProblemFactProperty;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import java.util.List;

/** A booking plan: the parties to place, the slots they may take, the staffing limits; and its score. */
@PlanningSolution
public class Plan {
    @ProblemFactCollectionProperty
    private List<Slot> slots;

    @ProblemFactProperty
    private Staffing staffing;

    @PlanningEntityCollectionProperty
    private List<Party> parties;

    @PlanningScore
    private HardMediumSoftLongScore score;

    public Plan() {
    }

    public Plan(List<Slot> slots, Staffing staffing, List<Party> parties) {
        this.slots = slots;
        this.staffing = staffing;
        this.parties = parties;
    }

    public List<Slot> getSlots() { return slots; }
    public Staffing getStaffing() { return staffing; }
    public List<Party> getParties() { return parties; }
    public HardMediumSoftLongScore getScore() { return score; }
    public void setScore(HardMediumSoftLongScore score) { this.score = score; }
}
