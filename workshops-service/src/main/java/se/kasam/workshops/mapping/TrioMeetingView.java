package se.kasam.workshops.mapping;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.kasam.workshops.TrioMeeting;

@Schema(name = "TrioMeeting")
public record TrioMeetingView(UUID id, long trioGroupId, LocalDate date, int minutes, List<String> present,
                              String recordedBy, OffsetDateTime recordedAt) {
    public static TrioMeetingView of(TrioMeeting m) {
        return new TrioMeetingView(m.id, m.trioGroupId, m.metOn, m.minutes, List.of(m.present), m.recordedBy,
                m.recordedAt);
    }
}
