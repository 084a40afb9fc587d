package se.kasam.survey.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;
import se.kasam.platform.disclosure.Reason;

/** A free-text item's texts for a unit subtree, shuffled, with nothing of who wrote them. */
@JsonInclude(JsonInclude.Include.NON_NULL) // a reason only where suppressed: an enum has no null in the schema
public record FreeTextView(UUID roundId, String unit, String instrument, String item, Reason reason, List<String> texts) {
}
