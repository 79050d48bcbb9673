package com.logishift.support.systemtests;

import static com.logishift.support.systemtests.client.Gateway.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.logishift.support.systemtests.client.Gateway;
import com.logishift.support.systemtests.client.Person;
import com.logishift.support.systemtests.client.Poll;
import com.logishift.support.systemtests.harness.OtlpReceiver;
import com.logishift.support.systemtests.harness.OtlpReceiver.ExportedSpan;
import com.logishift.support.systemtests.harness.SystemTest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * One trace of a ticket creation, as the services export it over OTLP to the run's receiver
 * ({@link OtlpReceiver}): the gateway's server span (the root, with the request id), ticket-service's
 * server span under it, the outbox relay's PRODUCER span under that, and notification-service's
 * CONSUMER span under the relay's — one trace id from the browser's request to the stored
 * notification. The trace is printed as text (it is the one in the README's "Tracing").
 */
@SystemTest
@Order(7)
class TracingTest {

    private static final String REQUEST_ID = "support.request_id";
    private static final String CREATE = "/api/support/tickets/create/";

    @Test
    @DisplayName("gateway → ticket-service → outbox relay → Kafka → notification-service: one trace")
    void aTicketCreationIsOneTraceFromTheGatewayToTheStoredNotification(Gateway gateway) {
        Person admin = gateway.admin();
        Person customer = gateway.signIn(gateway.registerCustomer("Trace Customer"));
        String requestId = "trace-" + UUID.randomUUID();

        JsonNode ticket = expect(gateway.as(customer).header("X-Request-Id", requestId)
                .body(Map.of("subject", "Parcel never arrived", "category", "LOST",
                        "description", "Tracking says delivered; nothing at the door."))
                .post(CREATE), 201);
        gateway.awaitNotificationTitled(admin, "New ticket " + ticket.path("reference").asText());

        OtlpReceiver traces = gateway.system().traces();
        // the root: the gateway's server span of that request, found by its request id
        ExportedSpan root = Poll.until("the gateway's span of request " + requestId,
                () -> traces.withAttribute(REQUEST_ID, requestId).stream()
                        .filter(s -> s.service().equals("gateway") && s.kind().equals("SERVER")).findFirst(),
                Optional::isPresent).orElseThrow();
        assertEquals("", root.parentSpanId(), "the gateway starts the trace: " + root);
        assertTrue(root.name().contains(CREATE) || root.name().startsWith("POST"), root.name());

        // every part of the path, in the same trace (the notification's CONSUMER span comes last)
        List<ExportedSpan> trace = Poll.until("the whole trace " + root.traceId(), () -> traces.trace(root.traceId()),
                spans -> find(spans, "notification-service", "CONSUMER").isPresent());
        System.out.printf("[trace] one ticket creation, X-Request-Id %s:%n%s", requestId, render(trace, root, 0));

        ExportedSpan ticketServer = find(trace, "ticket-service", "SERVER").orElseThrow();
        assertEquals(requestId, ticketServer.attributes().get(REQUEST_ID), "the request id on ticket-service's span");
        assertEquals(root.spanId(), ticketServer.parentSpanId(), "ticket-service's server span is the gateway's child");

        List<ExportedSpan> produced = all(trace, "ticket-service", "PRODUCER");
        assertFalse(produced.isEmpty(), "the relay's PRODUCER span is in the trace");
        for (ExportedSpan producer : produced) {
            assertEquals(ticketServer.spanId(), producer.parentSpanId(),
                    "the relay continues the request that wrote the event: " + producer);
            assertEquals("support.ticket-events publish", producer.name());
        }
        List<ExportedSpan> consumed = all(trace, "notification-service", "CONSUMER");
        for (ExportedSpan consumer : consumed) {
            assertTrue(produced.stream().anyMatch(p -> p.spanId().equals(consumer.parentSpanId())),
                    "notification-service continues a relayed event: " + consumer);
            assertEquals("support.ticket-events process", consumer.name());
        }
        // the created event, published once, consumed once
        String createdId = produced.stream().map(p -> p.attributes().get("messaging.message.id"))
                .filter(id -> consumed.stream().anyMatch(c -> id.equals(c.attributes().get("messaging.message.id"))))
                .findFirst().orElseThrow(() -> new AssertionError("no event both published and consumed"));
        assertTrue(createdId.matches("[0-9a-f-]{36}"), createdId);
    }

    private static Optional<ExportedSpan> find(List<ExportedSpan> spans, String service, String kind) {
        return all(spans, service, kind).stream().findFirst();
    }

    private static List<ExportedSpan> all(List<ExportedSpan> spans, String service, String kind) {
        return spans.stream().filter(s -> s.service().equals(service) && s.kind().equals(kind)).toList();
    }

    /** The span and its children, one line each, indented: service, kind, name, duration. */
    private static String render(List<ExportedSpan> trace, ExportedSpan span, int depth) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "    %-76s%8.1f ms%n",
                "  ".repeat(depth) + span.service() + "  " + span.kind() + "  " + span.name(), span.millis()));
        trace.stream().filter(s -> s.parentSpanId().equals(span.spanId()))
                .sorted(java.util.Comparator.comparingLong(ExportedSpan::startNanos))
                .forEach(child -> text.append(render(trace, child, depth + 1)));
        return text.toString();
    }
}
