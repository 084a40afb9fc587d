package se.kasam.workshops.planning;

import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A session a party may be placed at: a planned one with free seats, or a candidate the plan would add. Overlap for
 * the staffing cap is by half-day block (the candidates are made on blocks; a planned session falls in its start's).
 */
public final class Slot {
    private final String id;
    private final String moduleCode;
    private final OffsetDateTime startsAt;
    private final OffsetDateTime endsAt;
    private final String placeName;
    private final Double latitude;
    private final Double longitude;
    private final int seats;
    private final UUID sessionId;
    private final String block;
    private final LocalDate day;

    /** @param sessionId the planned session, or null for a candidate */
    public Slot(String id, String moduleCode, OffsetDateTime startsAt, OffsetDateTime endsAt, String placeName,
                Double latitude, Double longitude, int seats, UUID sessionId, ZoneId zone) {
        this.id = id;
        this.moduleCode = moduleCode;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.placeName = placeName;
        this.latitude = latitude;
        this.longitude = longitude;
        this.seats = seats;
        this.sessionId = sessionId;
        var local = startsAt.atZoneSameInstant(zone);
        this.day = local.toLocalDate();
        this.block = day + (local.getHour() < 12 ? "-AM" : "-PM");
    }

    @PlanningId
    public String id() { return id; }
    public String moduleCode() { return moduleCode; }
    public OffsetDateTime startsAt() { return startsAt; }
    public OffsetDateTime endsAt() { return endsAt; }
    public String placeName() { return placeName; }
    public Double latitude() { return latitude; }
    public Double longitude() { return longitude; }
    public int seats() { return seats; }
    public UUID sessionId() { return sessionId; }
    public boolean candidate() { return sessionId == null; }
    public String block() { return block; }
    public LocalDate day() { return day; }

    @Override
    public String toString() {
        return id;
    }
}
