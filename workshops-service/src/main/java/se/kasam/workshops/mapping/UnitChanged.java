package se.kasam.workshops.mapping;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** This service's reading of kasam.participants.unit.changed.v1 (schema and example in participants-service). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UnitChanged(String code, String name, String parentCode, List<String> managers, int version,
                          boolean deleted) {
    public static final String TYPE = "kasam.participants.unit.changed.v1";
}
