package se.kasam.survey.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.kasam.survey.rules.InstrumentDefinition;

/**
 * One version of an instrument.
 *
 * @param revision counts the edits of this version (its ETag is version.revision)
 * @param inUse    a round uses this version: it can no longer change, a change is a new version
 */
public record InstrumentView(String code, int version, int revision, boolean inUse,
                             @Schema(required = true) InstrumentDefinition definition) {
}
