package com.logishift.support.notification.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.logishift.support.kit.test.Eventually;
import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.Tokens;
import com.logishift.support.notification.support.EventPublisher;
import com.logishift.support.notification.support.RecordedSpans;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Each consumed event is processed in a CONSUMER span whose parent is the traceparent its record
 * carries (the publishing relay's span), and which ends only once the event's notifications are
 * stored; a record without one (or with a broken one) starts a trace of its own.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class ConsumerTraceTest {

    private static final String STATUS_CHANGED = "com.logishift.support.ticket.status-changed.v1";
    private static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");

    @Inject
    RecordedSpans spans;

    @Inject
    Pool pool;

    @Test
    void eachEventIsProcessedInAConsumerSpanOfTheTraceItsRecordCarries() {
        UUID customer = Tokens.customer().id();
        String traceId = "5bf92f3577b34da6a3ce929d0e0e4736";
        String producerSpan = "10f067aa0ba902b7";
        String traced;
        String untraced;
        String broken;
        try (EventPublisher events = new EventPublisher()) {
            traced = publish(events, customer, Map.of("traceparent", "00-" + traceId + "-" + producerSpan + "-01"));
            untraced = publish(events, customer, Map.of());
            broken = publish(events, customer, Map.of("traceparent", "00-" + traceId + "-" + "0".repeat(16) + "-01"));
        }

        SpanData span = consumerSpanOf(traced);
        assertEquals(SpanKind.CONSUMER, span.getKind());
        assertEquals(EventPublisher.ticketTopic() + " process", span.getName());
        assertEquals(traceId, span.getTraceId());
        assertEquals(producerSpan, span.getParentSpanId());
        // it ended after the poll's transaction: the notification was stored by then
        assertTrue(storedFor(traced) >= 1, "the span ended before the notification was stored");

        for (String event : new String[] {untraced, broken}) {
            SpanData own = consumerSpanOf(event);
            assertFalse(own.getParentSpanContext().isValid(), "a root span for " + event);
            assertNotEquals(traceId, own.getTraceId());
        }
    }

    private static String publish(EventPublisher events, UUID customer, Map<String, String> headers) {
        UUID ticket = UUID.randomUUID();
        return events.publish(EventPublisher.ticketTopic(), UUID.randomUUID().toString(), STATUS_CHANGED,
                "/logishift/support/test", ticket, "{\"ticketId\":\"" + ticket + "\",\"reference\":\"SUP-777001\","
                        + "\"customerId\":\"" + customer + "\",\"assigneeId\":null,\"from\":\"IN_PROGRESS\","
                        + "\"to\":\"RESOLVED\"}", headers);
    }

    private SpanData consumerSpanOf(String eventId) {
        Eventually.until("the consumer span of " + eventId, Duration.ofSeconds(30),
                () -> find(eventId).isPresent());
        return find(eventId).orElseThrow();
    }

    private Optional<SpanData> find(String eventId) {
        return spans.consumed().stream().filter(s -> eventId.equals(s.getAttributes().get(MESSAGE_ID))).findFirst();
    }

    private long storedFor(String eventId) {
        return pool.preparedQuery("SELECT count(*) AS n FROM notification WHERE event_id = $1")
                .execute(Tuple.of(eventId)).await().indefinitely().iterator().next().getLong("n");
    }
}
