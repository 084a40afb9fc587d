package se.kasam.workshops;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** One occasion of a module: when, where, how many seats, who leads it. */
@Entity
@Table(name = "session")
public class Session {
    public enum Status { PLANNED, CANCELLED, HELD }

    @Id
    public UUID id;

    @Column(name = "module_code", nullable = false)
    public String moduleCode;

    @Column(name = "starts_at", nullable = false)
    public OffsetDateTime startsAt;

    @Column(name = "ends_at", nullable = false)
    public OffsetDateTime endsAt;

    @Column(name = "place_name", nullable = false)
    public String placeName;

    public Double latitude;

    public Double longitude;

    @Column(nullable = false)
    public int capacity;

    @Column(nullable = false)
    public String status;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "session_facilitator", joinColumns = @JoinColumn(name = "session_id"))
    @Column(name = "employee_number")
    public Set<String> facilitators = new LinkedHashSet<>();

    @Version
    public int version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public boolean is(Status s) {
        return status.equals(s.name());
    }
}
