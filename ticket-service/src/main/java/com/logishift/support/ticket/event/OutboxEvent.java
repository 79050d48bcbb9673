package com.logishift.support.ticket.event;

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
 * One event waiting in the transactional outbox. Persisted in the same transaction as the change
 * it describes; {@link OutboxRelay} publishes it. {@code seq} (relay order) is assigned by the
 * database and never written from here.
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
     * Adds six array parameters (ids, aggregate types, aggregate ids, types, payloads, times) for the
     * plain-SQL writers' {@code INSERT INTO outbox_event … SELECT * FROM unnest(…)}.
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
