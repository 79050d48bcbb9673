package com.logishift.support.kit.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The W3C trace context the outbox stores and the relay and consumers read: well-formed or not. */
class TracesTest {

    private static final SdkTracerProvider PROVIDER = SdkTracerProvider.builder().build();
    private static final Tracer TRACER = PROVIDER.get("traces-test");
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    @AfterAll
    static void close() {
        PROVIDER.close();
    }

    @Test
    void outsideAnySpanThereIsNoTraceparent() {
        assertNull(Traces.currentTraceparent());
        assertNull(Traces.traceparentOf(Span.getInvalid()));
    }

    @Test
    void theCurrentSpansTraceparentNamesItAndReadsBackAsItsRemoteContext() {
        Span span = TRACER.spanBuilder("request").setNoParent().startSpan();
        String traceparent;
        try (Scope ignored = span.makeCurrent()) {
            traceparent = Traces.currentTraceparent();
        } finally {
            span.end();
        }
        SpanContext written = span.getSpanContext();
        assertEquals("00-" + written.getTraceId() + "-" + written.getSpanId() + "-01", traceparent);
        assertEquals(traceparent, Traces.traceparentOf(span));

        SpanContext read = Span.fromContext(Traces.fromTraceparent(traceparent)).getSpanContext();
        assertTrue(read.isValid());
        assertTrue(read.isRemote());
        assertEquals(written.getTraceId(), read.getTraceId());
        assertEquals(written.getSpanId(), read.getSpanId());
        assertTrue(read.isSampled());
    }

    @Test
    void aCallGetsTheCurrentSpansContextAndNothingOutsideASpan() {
        Map<String, String> headers = new HashMap<>();
        Traces.injectCurrent(headers::put);
        assertTrue(headers.isEmpty(), headers.toString());

        Span span = TRACER.spanBuilder("gateway").setParent(Traces.fromTraceparent(PARENT)).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            Traces.injectCurrent(headers::put);
        } finally {
            span.end();
        }
        assertEquals("00-" + TRACE_ID + "-" + span.getSpanContext().getSpanId() + "-01", headers.get("traceparent"));
    }

    @Test
    void aMissingOrMalformedTraceparentStartsANewTrace() {
        char[] huge = new char[100_000];
        Arrays.fill(huge, 'a');
        for (String hostile : new String[] {null, "", "garbage", "00-" + TRACE_ID + "-00f067aa0ba902b7",
                "00-00000000000000000000000000000000-00f067aa0ba902b7-01", // the invalid (all-zero) trace id
                "00-" + TRACE_ID + "-0000000000000000-01", "ff-" + TRACE_ID + "-00f067aa0ba902b7-01",
                "00-" + TRACE_ID.substring(0, 31) + "\u0000-00f067aa0ba902b7-01", new String(huge),
                "00-" + TRACE_ID + "-00f067aa0ba902b7-01\u0000<script>"}) {
            Context context = Traces.fromTraceparent(hostile);
            assertFalse(Span.fromContext(context).getSpanContext().isValid(), "taken as a parent: " + shorten(hostile));
            // and a span under it is a fresh root, not an error
            Span child = TRACER.spanBuilder("consume").setParent(context).startSpan();
            assertTrue(child.getSpanContext().isValid());
            assertNotEquals(TRACE_ID, child.getSpanContext().getTraceId());
            child.end();
        }
    }

    @Test
    void aKafkaRecordsLastTraceparentHeaderIsItsParentAndNoHeaderMeansANewTrace() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", "00-11111111111111111111111111111111-1111111111111111-01".getBytes(StandardCharsets.UTF_8));
        headers.add("traceparent", PARENT.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_traceparent", "not what the consumer reads".getBytes(StandardCharsets.UTF_8));
        SpanContext parent = Span.fromContext(Traces.fromKafkaHeaders(headers)).getSpanContext();
        assertEquals(TRACE_ID, parent.getTraceId());
        assertEquals("00f067aa0ba902b7", parent.getSpanId());

        assertFalse(Span.fromContext(Traces.fromKafkaHeaders(null)).getSpanContext().isValid());
        assertFalse(Span.fromContext(Traces.fromKafkaHeaders(new RecordHeaders())).getSpanContext().isValid());
        RecordHeaders empty = new RecordHeaders();
        empty.add("traceparent", null);
        assertFalse(Span.fromContext(Traces.fromKafkaHeaders(empty)).getSpanContext().isValid());
    }

    @Test
    void kafkaSpansAreChildrenOfTheirParentNamedAfterTheTopic() {
        Span producer = Traces.startKafkaSpan(TRACER, SpanKind.PRODUCER, "support.ticket-events", "event-1",
                Traces.fromTraceparent(PARENT));
        producer.end();
        ReadableSpan readable = (ReadableSpan) producer;
        assertEquals("support.ticket-events publish", readable.getName());
        assertEquals(SpanKind.PRODUCER, readable.getKind());
        assertEquals(TRACE_ID, readable.getSpanContext().getTraceId());
        assertEquals("00f067aa0ba902b7", readable.toSpanData().getParentSpanId());
        assertEquals("event-1", readable.getAttribute(AttributeKey.stringKey("messaging.message.id")));
        assertEquals("kafka", readable.getAttribute(AttributeKey.stringKey("messaging.system")));

        Span consumer = Traces.startKafkaSpan(TRACER, SpanKind.CONSUMER, "support.ticket-events", null,
                Traces.fromTraceparent(Traces.traceparentOf(producer)));
        consumer.end();
        assertEquals("support.ticket-events process", ((ReadableSpan) consumer).getName());
        assertEquals(producer.getSpanContext().getSpanId(), ((ReadableSpan) consumer).toSpanData().getParentSpanId());
    }

    @Test
    void theRequestIdGoesOnTheCurrentSpanCutToALengthAndNothingWhenAbsent() {
        AttributeKey<String> key = AttributeKey.stringKey(Traces.REQUEST_ID_ATTRIBUTE);
        assertEquals("a".repeat(Traces.REQUEST_ID_MAX), tagged("a".repeat(20_000)).getAttribute(key));
        assertEquals("req-42", tagged("req-42").getAttribute(key));
        assertNull(tagged(null).getAttribute(key));
        assertNull(tagged("").getAttribute(key));
        Traces.tagRequestId("no span: nothing happens"); // the invalid span ignores attributes
    }

    @Test
    void theCollectorsBaseUrlGetsTheTracesPath() {
        assertEquals("http://collector:4318/v1/traces", TraceExport.tracesUrl("http://collector:4318"));
        assertEquals("http://collector:4318/v1/traces", TraceExport.tracesUrl(" http://collector:4318/ "));
        assertEquals("https://otlp.example/custom/path", TraceExport.tracesUrl("https://otlp.example/custom/path"));
    }

    private static ReadableSpan tagged(String requestId) {
        Span span = TRACER.spanBuilder("server").startSpan();
        try (Scope ignored = span.makeCurrent()) {
            Traces.tagRequestId(requestId);
        } finally {
            span.end();
        }
        return (ReadableSpan) span;
    }

    private static String shorten(String value) {
        return value == null ? "null" : value.substring(0, Math.min(60, value.length()));
    }
}
