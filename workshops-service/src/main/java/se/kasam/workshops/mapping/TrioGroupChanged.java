package se.kasam.workshops.mapping;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** This service's reading of kasam.participants.triogroup.changed.v1 (schema and example in participants-service). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TrioGroupChanged(long groupId, long roundId, String unitCode, List<String> members, int version,
                               boolean dissolved) {
    public static final String TYPE = "kasam.participants.triogroup.changed.v1";
}
