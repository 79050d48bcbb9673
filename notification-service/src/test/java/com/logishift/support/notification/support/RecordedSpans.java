package com.logishift.support.notification.support;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.arc.Unremovable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The CONSUMER spans this service finished during the tests (the tracer provider takes every
 * SpanProcessor bean): what the consumers' tracing made, without any exporter.
 */
@Singleton
@Unremovable
public class RecordedSpans implements SpanProcessor {

    private final Queue<SpanData> consumed = new ConcurrentLinkedQueue<>();

    public List<SpanData> consumed() {
        return List.copyOf(consumed);
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
    }

    @Override
    public boolean isStartRequired() {
        return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        if (span.getKind() == SpanKind.CONSUMER) {
            consumed.add(span.toSpanData());
        }
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }
}
