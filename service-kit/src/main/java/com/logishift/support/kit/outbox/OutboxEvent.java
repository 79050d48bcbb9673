package com.logishift.support.kit.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
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

    /**
     * Adds six array parameters (ids, aggregate types, aggregate ids, types, payloads, times) for a
     * plain-SQL writer's {@code INSERT INTO outbox_event … SELECT * FROM unnest(…)}.
     */
    public static Tuple addArrays(Tuple tuple, List<OutboxEvent> outbox) {
        int n = outbox.size();
        UUID[] ids = new UUID[n];
        String[] aggregateTypes = new String[n];
        String[] aggregateIds = new String[n];
        String[] types = new String[n];
        String[] payloads = new String[n];
        OffsetDateTime[] occurredAt = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            OutboxEvent e = outbox.get(i);
            ids[i] = e.id;
            aggregateTypes[i] = e.aggregateType;
            aggregateIds[i] = e.aggregateId;
            types[i] = e.eventType;
            payloads[i] = e.payload;
            occurredAt[i] = e.occurredAt.atOffset(ZoneOffset.UTC);
        }
        return tuple.addArrayOfUUID(ids).addArrayOfString(aggregateTypes).addArrayOfString(aggregateIds)
                .addArrayOfString(types).addArrayOfString(payloads).addArrayOfOffsetDateTime(occurredAt);
    }
}
