package se.kasam.workshops.mapping;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.kasam.workshops.WorkplaceActivity;

@Schema(name = "WorkplaceActivity")
public record WorkplaceActivityView(UUID id, String unitCode,
                                    @Schema(enumeration = {"WORKPLACE_MEETING", "DEVELOPMENT_TALK"}) String kind,
                                    String theme, LocalDate date, int minutes, List<String> attendees,
                                    String recordedBy, OffsetDateTime recordedAt) {
    public static WorkplaceActivityView of(WorkplaceActivity a) {
        return new WorkplaceActivityView(a.id, a.unitCode, a.kind, a.theme, a.heldOn, a.minutes, List.of(a.attendees),
                a.recordedBy, a.recordedAt);
    }
}
