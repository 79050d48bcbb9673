package com.logishift.support.notification.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.logishift.support.notification.NotificationRules;
import com.logishift.support.notification.SupportEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Queues the ticket events of a consumed poll for every enabled endpoint subscribed to them, in the
 * poll's own transaction: a delivery exists exactly when the event was applied (a redelivered
 * record finds its rows there already). What is queued is the structured-mode CloudEvent, the
 * same event as on Kafka.
 */
@ApplicationScoped
public class WebhookQueue {

    /** Subscribes to every ticket event, today's and future ones. */
    public static final String ALL = "*";
    private static final String TICKET = "ticket.";

    private final ObjectMapper json;
    private final Clock clock;

    public WebhookQueue(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** The event types an endpoint can subscribe to: every ticket event this service understands. */
    public static Set<String> subscribableTypes() {
        Set<String> types = new TreeSet<>();
        NotificationRules.KNOWN_TYPES.stream().filter(t -> t.startsWith(TICKET))
                .forEach(t -> types.add(SupportEvent.PREFIX + t + ".v1"));
        return types;
    }

    /** Queues the events (those applied in this transaction); answers how many deliveries were queued. */
    public Uni<Integer> queue(SqlConnection connection, List<SupportEvent> events) {
        List<String> ids = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<String> payloads = new ArrayList<>();
        for (SupportEvent event : events) {
            if (event.shortType().startsWith(TICKET)) {
                ids.add(event.id());
                types.add(event.type());
                payloads.add(payload(event));
            }
        }
        if (ids.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return connection.preparedQuery("""
                        INSERT INTO webhook_delivery (id, endpoint_id, event_id, event_type, payload, status, next_attempt_at, created_at)
                        SELECT gen_random_uuid(), e.id, ev.id, ev.type, ev.payload, 'PENDING', $4, $4
                          FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS ev (id, type, payload, n)
                          JOIN webhook_endpoint e ON e.enabled AND (ev.type = ANY (e.event_types) OR '*' = ANY (e.event_types))
                         ORDER BY ev.n, e.id
                        ON CONFLICT (endpoint_id, event_id) WHERE redelivery_of IS NULL DO NOTHING""")
                .execute(Tuple.tuple().addArrayOfString(ids.toArray(String[]::new))
                        .addArrayOfString(types.toArray(String[]::new)).addArrayOfString(payloads.toArray(String[]::new))
                        .addOffsetDateTime(clock.instant().atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.rowCount());
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
}
