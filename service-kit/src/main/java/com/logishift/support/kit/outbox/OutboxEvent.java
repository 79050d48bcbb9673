package com.logishift.support.kit.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.logishift.support.kit.Columns;
import com.logishift.support.kit.tracing.Traces;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
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

    /**
     * W3C {@code traceparent} of the span that wrote the event (null outside any, e.g. a timer): the
     * relay continues that trace, so one trace runs from a request to every consumer of its events.
     */
    @Column(name = "traceparent")
    public String traceparent;

    /** How many array parameters {@link #insertSql} takes ({@link #addArrays} adds them). */
    public static final int ARRAYS = 7;

    /** A new, not yet stored event whose payload is {@code data} as JSON. */
    public static OutboxEvent of(ObjectMapper json, String aggregateType, String aggregateId, String eventType,
            Object data, Instant occurredAt) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.aggregateType = aggregateType;
        event.aggregateId = aggregateId;
        event.eventType = eventType;
        event.occurredAt = occurredAt;
        event.traceparent = Traces.currentTraceparent();
        try {
            event.payload = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a " + eventType + " event", e);
        }
        return event;
    }

    /**
     * A plain-SQL writer's {@code INSERT INTO outbox_event … SELECT * FROM unnest(…)} (for a
     * {@code WITH events AS (…)} part of its statement): its {@value #ARRAYS} array parameters start at
     * {@code $first}, filled by {@link #addArrays}.
     */
    public static String insertSql(int first) {
        return """
                INSERT INTO outbox_event (id, aggregate_type, aggregate_id, event_type, payload, occurred_at, traceparent)
                SELECT * FROM unnest($%d::uuid[], $%d::varchar[], $%d::varchar[], $%d::varchar[], $%d::text[],
                                     $%d::timestamptz[], $%d::text[])"""
                .formatted(first, first + 1, first + 2, first + 3, first + 4, first + 5, first + 6);
    }

    /**
     * Adds the {@value #ARRAYS} array parameters of {@link #insertSql} (ids, aggregate types, aggregate
     * ids, types, payloads, times, traceparents).
     */
    public static Tuple addArrays(Tuple tuple, List<OutboxEvent> outbox) {
        return Columns.of(tuple, outbox).uuid(e -> e.id).string(e -> e.aggregateType).string(e -> e.aggregateId)
                .string(e -> e.eventType).string(e -> e.payload).time(e -> e.occurredAt).string(e -> e.traceparent)
                .tuple();
    }
}
