package se.kasam.workshops.mapping;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Session", description = "One occasion of a module: when, where, how many seats, who leads it")
public record SessionView(UUID id, String moduleCode, OffsetDateTime startsAt, OffsetDateTime endsAt, String placeName,
                          Double latitude, Double longitude, int capacity,
                          @Schema(description = "Seats taken (booked, attended or absent)") int seated,
                          @Schema(description = "On the waitlist now") int waitlisted,
                          @Schema(enumeration = {"PLANNED", "CANCELLED", "HELD"}) String status,
                          @Schema(description = "Employee numbers of the facilitators") List<String> facilitators,
                          int version) {
}
