package com.logishift.support.notification.stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The open live notification streams per account on this replica, capped by
 * {@code support.notifications.streams.max-per-account} (the kit's {@link com.logishift.support.kit.stream.StreamSlots});
 * all of them together are the gauge {@code support.streams.open}.
 */
@Startup // registers its metrics at start, so they read 0 rather than being absent
@ApplicationScoped
public class StreamSlots {

    private final com.logishift.support.kit.stream.StreamSlots slots;

    public StreamSlots(StreamConfig config, MeterRegistry metrics) {
        this.slots = new com.logishift.support.kit.stream.StreamSlots("live notification streams",
                config.maxPerAccount(), config.retryAfter());
        Gauge.builder("support.streams.open", slots, open -> open.openStreams())
                .description("Live notification streams open on this replica").register(metrics);
    }

    /** Takes a slot for a new stream of the account, or refuses with 429; run the result when the stream ends. */
    public Runnable acquire(UUID account) {
        return slots.acquire(account);
    }

    /** Streams the account has open on this replica. */
    public int openStreams(UUID account) {
        return slots.openStreams(account);
    }
}
