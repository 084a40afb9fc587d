package se.kasam.workshops;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** What HR does not send about a workplace, set by the project lead: where it is and how many may be away at once. */
@Entity
@Table(name = "unit_setting")
public class UnitSetting {
    @Id
    @Column(name = "unit_code")
    public String unitCode;

    @Column(name = "place_name")
    public String placeName;

    public Double latitude;

    public Double longitude;

    @Column(name = "away_cap_percent", nullable = false)
    public int awayCapPercent;

    @Column(nullable = false)
    public int version;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
