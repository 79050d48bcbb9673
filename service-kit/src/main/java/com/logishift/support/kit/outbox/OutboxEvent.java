package com.logishift.support.kit.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One event waiting in the transactional outbox (table {@code outbox_event}, created by each
 * producing service's own migration). Persisted in the same transaction as the change it
 * describes; {@link OutboxRelay} publishes it. {@code seq} (relay order) is assigned by the
 * database and never written from here. The row id becomes the CloudEvent id, the aggregate id
 * the Kafka key.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "aggregate_type", nullable = false)
    public String aggregateType;

    @Column(name = "aggregate_id", nullable = false)
    public String aggregateId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public String payload;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** A new, not yet stored event whose payload is {@code data} as JSON. */
    public static OutboxEvent of(ObjectMapper json, String aggregateType, String aggregateId, String eventType,
            Object data, Instant occurredAt) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.aggregateType = aggregateType;
        event.aggregateId = aggregateId;
        event.eventType = eventType;
        event.occurredAt = occurredAt;
        try {
            event.payload = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a " + eventType + " event", e);
        }
        return event;
    }
}
