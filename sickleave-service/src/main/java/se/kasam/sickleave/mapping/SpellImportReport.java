package se.kasam.sickleave.mapping;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.kasam.platform.batch.ImportMode;
import se.kasam.platform.batch.RowResult;
import se.kasam.platform.batch.RowResult.Counts;

/** What a spell import did, or (dry run, or an atomic batch with a rejected row) would have done, row by row. */
@Schema(description = "The outcome of a spell import, row by row")
public record SpellImportReport(ImportMode mode,
                                @Schema(description = "true when the changes were written") boolean applied,
                                Counts spells, List<RowResult> spellRows) {
}
