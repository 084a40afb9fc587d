package se.kasam.workshops.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Booking", description = "An employee's place at a session, or on its waitlist")
public record BookingView(UUID id, UUID sessionId, String moduleCode, String employeeNumber, String employeeName,
                          @Schema(enumeration = {"BOOKED", "WAITLISTED", "CANCELLED", "ATTENDED", "ABSENT"}) String status,
                          @Schema(description = "1 for the first on the waitlist; only while waitlisted") Integer waitlistPosition,
                          @Schema(description = "Participant hours, once attended") BigDecimal hours,
                          @Schema(description = "Why it was cancelled: CANCELLED_BY_CALLER, SESSION_CANCELLED, LEFT") String cancelReason,
                          String bookedBy, OffsetDateTime createdAt, OffsetDateTime updatedAt, int version,
                          @Schema(description = "Rules it was booked against, in warn mode (module order)") List<String> warnings) {
}
