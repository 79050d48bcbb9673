package com.logishift.support.notification.stream;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The open live notification streams per account on this replica, capped by
 * {@code support.notifications.streams.max-per-account} (the kit's {@link com.logishift.support.kit.stream.StreamSlots}).
 */
@ApplicationScoped
public class StreamSlots {

    private final com.logishift.support.kit.stream.StreamSlots slots;

    public StreamSlots(StreamConfig config) {
        this.slots = new com.logishift.support.kit.stream.StreamSlots("live notification streams",
                config.maxPerAccount(), config.retryAfter());
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
