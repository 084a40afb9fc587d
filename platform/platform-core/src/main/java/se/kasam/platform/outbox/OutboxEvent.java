package se.kasam.platform.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An event waiting in the outbox: written with the change, sent by {@link OutboxRelay}. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "event_key", nullable = false)
    public String key;

    @Column(name = "event_type", nullable = false)
    public String type;

    @Column(nullable = false)
    public String subject;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    /** The event data, JSON as written. */
    @Column(nullable = false)
    public String payload;
}
