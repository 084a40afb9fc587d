package se.kasam.participants;

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
import java.util.Set;
import java.util.TreeSet;

/** An organisation unit (municipality, administration, operation, workplace), keyed by its HR code. */
@Entity
@Table(name = "unit")
public class Unit {
    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "parent_code")
    public String parentCode;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "unit_manager", joinColumns = @JoinColumn(name = "unit_code"))
    @Column(name = "employee_number")
    public Set<String> managers = new TreeSet<>();

    @Version
    public int version;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
