package se.kasam.participants.mapping;

import java.util.Set;

/** Event data of kasam.participants.unit.changed.v1: the unit's whole current state (compacted topic). */
public record UnitChanged(String code, String name, String parentCode, Set<String> managers, int version,
                          boolean deleted) {
    public static final String TOPIC = "kasam.participants.units";
    public static final String TYPE = "kasam.participants.unit.changed.v1";
}
