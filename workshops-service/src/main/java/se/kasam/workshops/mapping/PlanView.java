package se.kasam.workshops.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "BookingPlan", description = "A plan of bookings: the best found so far while it is solving")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanView(UUID id, @Schema(enumeration = {"SOLVING", "DONE", "ACCEPTED", "FAILED"}) String status,
                       @Schema(description = "Timefold's score: hard (rules broken)/medium (people left unplaced)/soft (new sessions and travel)")
                       String score,
                       @Schema(description = "No rule broken and everyone placed") Boolean feasible,
                       int parties,
                       @Schema(description = "Milliseconds from the start to the first plan with no rule broken and everyone placed")
                       Long firstFeasibleMs,
                       Proposal proposal) {

    @Schema(name = "BookingPlanProposal")
    public record Proposal(int placed, int unplaced, int newSessions, long travelKm, List<PlannedSession> sessions,
                           List<Group> unplacedGroups) {
    }

    @Schema(name = "PlannedSession")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PlannedSession(@Schema(description = "A planned session; absent for one the plan adds") UUID sessionId,
                                 String moduleCode, OffsetDateTime startsAt, OffsetDateTime endsAt, String placeName,
                                 Double latitude, Double longitude, int seats, List<Group> groups) {
    }

    @Schema(name = "PlannedGroup", description = "People booked together: a trio group, or one employee")
    public record Group(String moduleCode, List<String> employees) {
    }

    public record AcceptReport(int sessionsCreated, int booked, List<Refusal> refused) {
    }

    @Schema(name = "PlanRefusal")
    public record Refusal(List<String> employees, String detail) {
    }
}
