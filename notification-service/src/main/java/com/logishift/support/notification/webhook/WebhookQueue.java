package com.logishift.support.notification.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.logishift.support.notification.NotificationRules;
import com.logishift.support.notification.SupportEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import lombok.RequiredArgsConstructor;

/**
 * Queues the ticket events of a consumed poll for every enabled endpoint subscribed to them, in the
 * poll's own transaction: a delivery exists exactly when the event was applied (a redelivered
 * record finds its rows there already). What is queued is the structured-mode CloudEvent, the
 * same event as on Kafka, serialised once per event. A healthy endpoint's deliveries (not failing,
 * and not already holding {@code claim-ahead} in this replica) are queued leased to this replica
 * and handed to the {@link WebhookDispatcher} once the transaction committed: the common case
 * costs no claim. If the replica dies first, the lease runs out and any replica claims them.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class WebhookQueue {

    /** Subscribes to every ticket event, today's and future ones. */
    public static final String ALL = "*";
    private static final String TICKET = "ticket.";

    private final ObjectMapper json;
    private final Clock clock;
    private final WebhookDispatcher dispatcher;

    /** The event types an endpoint can subscribe to: every ticket event this service understands. */
    public static Set<String> subscribableTypes() {
        Set<String> types = new TreeSet<>();
        NotificationRules.KNOWN_TYPES.stream().filter(t -> t.startsWith(TICKET))
                .forEach(t -> types.add(SupportEvent.PREFIX + t + ".v1"));
        return types;
    }

    /**
     * Queues the events (those applied in this transaction); answers how many deliveries of healthy
     * endpoints were queued due for a claim rather than handed over (the caller wakes the dispatcher
     * when there are any; a failing endpoint's new ones wait for its next regular claim).
     */
    public Uni<Integer> queue(SqlConnection connection, List<SupportEvent> events) {
        List<String> ids = new ArrayList<>();
        List<String> types = new ArrayList<>();
        Map<String, String> payloads = new LinkedHashMap<>();
        for (SupportEvent event : events) {
            if (event.shortType().startsWith(TICKET) && !payloads.containsKey(event.id())) {
                ids.add(event.id());
                types.add(event.type());
                payloads.put(event.id(), payload(event));
            }
        }
        if (ids.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Instant now = clock.instant();
        long leasedAt = System.nanoTime();
        return connection.preparedQuery("""
                        WITH queued AS (
                            INSERT INTO webhook_delivery (id, endpoint_id, event_id, event_type, payload, status, next_attempt_at, created_at)
                            SELECT gen_random_uuid(), e.id, ev.id, ev.type, ev.payload, 'PENDING',
                                   CASE WHEN e.failing_since IS NULL AND NOT e.id = ANY ($5::uuid[]) THEN $6::timestamptz
                                        ELSE $4::timestamptz END, $4
                              FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS ev (id, type, payload, n)
                              JOIN webhook_endpoint e ON e.enabled AND (ev.type = ANY (e.event_types) OR '*' = ANY (e.event_types))
                             ORDER BY ev.n, e.id
                            ON CONFLICT (endpoint_id, event_id) WHERE redelivery_of IS NULL DO NOTHING
                            RETURNING id, seq, endpoint_id, event_id, next_attempt_at > $4 AS leased)
                        SELECT q.id, q.endpoint_id, q.event_id, q.leased, e.failing_since IS NOT NULL AS failing,
                               e.url, e.secret, e.previous_secret, e.previous_secret_until
                          FROM queued q JOIN webhook_endpoint e ON e.id = q.endpoint_id
                         ORDER BY q.seq""")
                .execute(Tuple.tuple().addArrayOfString(ids.toArray(String[]::new))
                        .addArrayOfString(types.toArray(String[]::new))
                        .addArrayOfString(payloads.values().toArray(String[]::new))
                        .addOffsetDateTime(utc(now)).addArrayOfUUID(dispatcher.full().toArray(UUID[]::new))
                        .addOffsetDateTime(utc(dispatcher.leaseUntil(now))))
                .map(rows -> {
                    List<WebhookAttempts.Claimed> leased = new ArrayList<>();
                    int due = 0;
                    for (Row row : rows) {
                        if (!row.getBoolean("leased")) {
                            due += row.getBoolean("failing") ? 0 : 1;
                            continue;
                        }
                        WebhookAttempts.Claimed delivery = dispatcher.claimed(row, 0, payloads.get(row.getString("event_id")),
                                now, false, now);
                        if (delivery != null) { // else logged; its lease runs out and a claim finds it
                            leased.add(delivery);
                        }
                    }
                    if (!leased.isEmpty()) {
                        afterCommit(connection, () -> dispatcher.handOver(leased, leasedAt));
                    }
                    return due;
                });
    }

    /** Runs once the connection's transaction committed (at once without one); never after a rollback. */
    private static void afterCommit(SqlConnection connection, Runnable action) {
        Transaction transaction = connection.transaction();
        if (transaction == null) {
            action.run();
            return;
        }
        // a rollback fails the completion: then nothing was queued, and nothing is handed over
        transaction.completion().subscribe().with(committed -> action.run(), rolledBack -> { });
    }

    /** The CloudEvent in structured mode (JSON): its attributes and its data as they came. */
    String payload(SupportEvent event) {
        ObjectNode ce = json.createObjectNode();
        ce.put("specversion", "1.0");
        ce.put("id", event.id());
        SupportEvent.Envelope envelope = event.envelope();
        ce.put("source", envelope == null || envelope.source() == null ? "/logishift/support" : envelope.source());
        ce.put("type", event.type());
        if (envelope != null && envelope.subject() != null) {
            ce.put("subject", envelope.subject());
        }
        if (envelope != null && envelope.time() != null) {
            ce.put("time", envelope.time().toString());
        }
        ce.put("datacontenttype", envelope == null || envelope.dataContentType() == null
                ? "application/json" : envelope.dataContentType());
        ce.set("data", event.data());
        try {
            return json.writeValueAsString(ce);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise an event", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
