package se.kasam.sickleave.mapping;

import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.kasam.sickleave.rules.FollowUpRules.Kind;

@Schema(description = "A follow-up signal: REPEATED_SHORT_TERM (6 or more spells starting within 12 months; windowStart "
        + "is the first of them) or RETURN_TO_WORK_PLAN (a spell expected to last 60 days reached day 30, or any "
        + "spell reached day 60)")
public record FollowUpView(UUID id, String employeeNumber, String unitCode, Kind kind, LocalDate dueOn,
                           LocalDate windowStart) {
}
