package se.kasam.workshops.planning;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Who is placed together at one session of one module: a trio group, or one employee. The solver chooses its slot,
 * among its module's, or none (left for later, at a price).
 */
@PlanningEntity
public class Party {
    /** One member: who, and whose staffing they count against. */
    public record Member(String employeeNumber, String unitCode) {
    }

    /** How many of a workplace's staff the party takes away in a block. */
    public record Away(String unitCode, String block, int count) {
    }

    private String id;
    private String key;
    private String moduleCode;
    private String follows;
    private List<Member> members;
    private Double latitude;
    private Double longitude;
    private OffsetDateTime priorEndsAt;
    private boolean priorPlanned;
    private Set<LocalDate> unavailable;
    private List<Slot> possibleSlots;

    @PlanningVariable(valueRangeProviderRefs = "slots", allowsUnassigned = true)
    private Slot slot;

    public Party() {
    }

    /**
     * @param key          the same people across modules ("T" + trio group id, or "E" + employee number)
     * @param follows      the module this one follows, or null
     * @param priorEndsAt  when the session of the module before ends, where one is booked (the slot must start after)
     * @param priorPlanned whether the module before must be placed in this plan first (not attended nor booked yet)
     */
    public Party(String id, String key, String moduleCode, String follows, List<Member> members, Double latitude,
                 Double longitude, OffsetDateTime priorEndsAt, boolean priorPlanned, Set<LocalDate> unavailable,
                 List<Slot> possibleSlots) {
        this.id = id;
        this.key = key;
        this.moduleCode = moduleCode;
        this.follows = follows;
        this.members = List.copyOf(members);
        this.latitude = latitude;
        this.longitude = longitude;
        this.priorEndsAt = priorEndsAt;
        this.priorPlanned = priorPlanned;
        this.unavailable = Set.copyOf(unavailable);
        this.possibleSlots = possibleSlots;
    }

    @PlanningId
    public String getId() { return id; }
    public String getKey() { return key; }
    public String getModuleCode() { return moduleCode; }
    public String getFollows() { return follows; }
    public List<Member> getMembers() { return members; }
    public int size() { return members.size(); }
    public Double getLatitude() { return latitude; }
    public Double getLongitude() { return longitude; }
    public OffsetDateTime getPriorEndsAt() { return priorEndsAt; }
    public boolean isPriorPlanned() { return priorPlanned; }
    public Set<LocalDate> getUnavailable() { return unavailable; }

    @ValueRangeProvider(id = "slots")
    public List<Slot> getPossibleSlots() { return possibleSlots; }

    public Slot getSlot() { return slot; }
    public void setSlot(Slot slot) { this.slot = slot; }

    /** Per workplace, how many of the members the party's slot takes away in its block (none while unplaced). */
    public List<Away> away() {
        if (slot == null) {
            return List.of();
        }
        Map<String, Integer> byUnit = new TreeMap<>();
        members.forEach(m -> byUnit.merge(m.unitCode(), 1, Integer::sum));
        return byUnit.entrySet().stream().map(e -> new Away(e.getKey(), slot.block(), e.getValue())).toList();
    }

    @Override
    public String toString() {
        return id + "@" + slot;
    }
}
