package se.kasam.workshops.mapping;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MyProgramme", description = "The caller's part in the programme: the frontend's first screen for an employee")
public record MyProgrammeView(String employeeNumber, List<MyBooking> bookings,
                              @Schema(description = "Codes of the modules attended, in programme order") List<String> modulesAttended,
                              List<MyTrioGroup> trioGroups, List<TrioMeetingView> trioMeetings,
                              @Schema(description = "All participant hours") BigDecimal hours,
                              List<ActivityHours> hoursByActivity) {

    @Schema(name = "MyBooking")
    public record MyBooking(UUID bookingId, UUID sessionId, String moduleCode, String moduleTitle,
                            OffsetDateTime startsAt, OffsetDateTime endsAt, String placeName,
                            @Schema(enumeration = {"BOOKED", "WAITLISTED", "CANCELLED", "ATTENDED", "ABSENT"}) String status,
                            @Schema(description = "1 for the first on the waitlist; only while waitlisted") Integer waitlistPosition,
                            BigDecimal hours) {
    }

    @Schema(name = "MyTrioGroup")
    public record MyTrioGroup(long id, String unitCode, List<String> members) {
    }

    @Schema(name = "ActivityHours")
    public record ActivityHours(@Schema(description = "A module's code, TRIO_MEETING, WORKPLACE_MEETING or DEVELOPMENT_TALK") String activity,
                                BigDecimal hours) {
    }
}
