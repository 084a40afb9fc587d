package se.kasam.participants.mapping;

import java.util.List;

/**
 * Event data of kasam.participants.triogroup.changed.v1: a group's whole current state, on a compacted topic keyed
 * by the group id. {@code dissolved} is true once a repair or a move has emptied it.
 */
public record TrioGroupChanged(long groupId, long roundId, String unitCode, List<String> members, int version,
                               boolean dissolved) {
    public static final String TOPIC = "kasam.participants.triogroups";
    public static final String TYPE = "kasam.participants.triogroup.changed.v1";
}
