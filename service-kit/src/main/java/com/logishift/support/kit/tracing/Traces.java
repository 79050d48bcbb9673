package com.logishift.support.kit.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The one home of W3C trace context outside HTTP (where Quarkus carries it): what the current span's
 * {@code traceparent} is (an outbox row keeps it), which context a stored or received one names, and
 * the attributes every service puts on its spans. The outbox relay sends a row's context on as the
 * CloudEvents extension {@code traceparent} (binary mode: Kafka header {@code ce_traceparent}) and as
 * the plain {@code traceparent} header; consumers continue the trace from the plain header.
 */
public final class Traces {

    /** The gateway's request id on the server spans (gateway and services): one request, one id. */
    public static final String REQUEST_ID_ATTRIBUTE = "support.request_id";
    /** W3C header (and CloudEvents extension) name. */
    public static final String TRACEPARENT = "traceparent";
    /** Longest request id kept on a span: the gateway sends at most 64 characters; a direct caller may send anything. */
    static final int REQUEST_ID_MAX = 64;

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private Traces() {
    }

    /**
     * The {@code traceparent} of the current span, or null when there is none (a timer, a job): what
     * an outbox row written now records so the relay can continue the trace.
     */
    public static String currentTraceparent() {
        return traceparentIn(Context.current());
    }

    /**
     * Hands the current span's {@code traceparent} (and {@code tracestate}, if any) to {@code header}:
     * for a call whose receiver continues this trace. Nothing outside a span.
     */
    public static void injectCurrent(BiConsumer<String, String> header) {
        W3C.inject(Context.current(), header, BiConsumer::accept);
    }

    /** The context a {@code traceparent} names; the root context (a new trace) when it is null or malformed. */
    public static Context fromTraceparent(String traceparent) {
        if (traceparent == null) {
            return Context.root();
        }
        return W3C.extract(Context.root(), traceparent, SINGLE_VALUE);
    }

    /** The context a Kafka record's {@code traceparent}/{@code tracestate} headers name; root when absent. */
    public static Context fromKafkaHeaders(Headers headers) {
        return headers == null ? Context.root() : W3C.extract(Context.root(), headers, KAFKA_HEADERS);
    }

    /** The {@code traceparent} that names {@code span}, for a message that continues its trace. */
    public static String traceparentOf(Span span) {
        return traceparentIn(Context.root().with(span));
    }

    /** The W3C propagator's own rendering (none for an invalid span context). */
    private static String traceparentIn(Context context) {
        String[] traceparent = new String[1];
        W3C.inject(context, traceparent, (carrier, key, value) -> {
            if (TRACEPARENT.equals(key)) {
                carrier[0] = value;
            }
        });
        return traceparent[0];
    }

    /**
     * A Kafka span (PRODUCER when publishing, CONSUMER when processing) named after the OpenTelemetry
     * messaging conventions ({@code <topic> publish|process}), a child of {@code parent}.
     */
    public static Span startKafkaSpan(Tracer tracer, SpanKind kind, String topic, String messageId, Context parent) {
        SpanBuilder span = tracer.spanBuilder(topic + (kind == SpanKind.PRODUCER ? " publish" : " process"))
                .setSpanKind(kind)
                .setParent(parent)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.operation", kind == SpanKind.PRODUCER ? "publish" : "process");
        if (messageId != null) {
            span.setAttribute("messaging.message.id", messageId);
        }
        return span.startSpan();
    }

    /** Puts the caller's request id on the current (server) span, cut to a sane length; nothing when absent. */
    public static void tagRequestId(String requestId) {
        if (requestId == null || requestId.isEmpty()) {
            return;
        }
        Span.current().setAttribute(REQUEST_ID_ATTRIBUTE,
                requestId.length() > REQUEST_ID_MAX ? requestId.substring(0, REQUEST_ID_MAX) : requestId);
    }

    /** A lone {@code traceparent} as a carrier (an outbox row's column). */
    private static final TextMapGetter<String> SINGLE_VALUE = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    private static final TextMapGetter<Headers> KAFKA_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            return () -> java.util.stream.StreamSupport.stream(carrier.spliterator(), false)
                    .map(Header::key).iterator();
        }

        @Override
        public String get(Headers carrier, String key) {
            Header header = carrier == null ? null : carrier.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };
}
