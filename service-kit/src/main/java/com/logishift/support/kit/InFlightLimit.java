package com.logishift.support.kit;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded number of requests in flight at once: past it a request is shed (answered at once by the
 * caller of {@link #admit}) instead of queueing until everything times out. A plain class, so the
 * services' {@link Admission} and the gateway's route classes share it.
 */
public final class InFlightLimit {

    private final int max;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong shed = new AtomicLong();

    /** {@code max} ≤ 0: no limit. */
    public InFlightLimit(int max) {
        this.max = max;
    }

    /**
     * Counts the request in until its response ends, fails or its connection closes (exactly once,
     * whichever comes first), or returns false — counted as shed — when {@code max} are in flight.
     * {@code untilEventStream}: released as soon as its answer turns out to be a server-sent event
     * stream, which is long-lived and capped elsewhere.
     */
    public boolean admit(RoutingContext rc, boolean untilEventStream) {
        if (max <= 0) {
            return true;
        }
        int now;
        do {
            now = inFlight.get();
            if (now >= max) {
                shed.incrementAndGet();
                return false;
            }
        } while (!inFlight.compareAndSet(now, now + 1));
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                inFlight.decrementAndGet();
            }
        };
        // the routing context's end handlers run on end, failure and close alike
        rc.addEndHandler(v -> release.run());
        if (untilEventStream) {
            rc.addHeadersEndHandler(v -> {
                String type = rc.response().headers().get(HttpHeaders.CONTENT_TYPE);
                if (type != null && type.regionMatches(true, 0, "text/event-stream", 0, 17)) {
                    release.run();
                }
            });
        }
        return true;
    }

    public int inFlight() {
        return inFlight.get();
    }

    public long shed() {
        return shed.get();
    }

    /** A gauge {@code <prefix>.in.flight} and a counter {@code <prefix>.shed}, with these tags. */
    public void register(MeterRegistry registry, String prefix, Tags tags) {
        Gauge.builder(prefix + ".in.flight", inFlight, AtomicInteger::get)
                .description("Requests being served now").tags(tags).register(registry);
        FunctionCounter.builder(prefix + ".shed", shed, AtomicLong::get)
                .description("Requests answered 503 because too many were in flight").tags(tags).register(registry);
    }
}
