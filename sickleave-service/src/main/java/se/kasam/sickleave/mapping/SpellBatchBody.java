package se.kasam.sickleave.mapping;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON shape of a spell batch, for the API documentation; the rows are read one by one. */
@Schema(name = "SpellBatch", description = "Absence spells as HR/payroll sends them")
public record SpellBatchBody(List<SpellInput> spells) {
}
