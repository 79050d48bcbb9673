package com.logishift.support.kit.stream;

import com.logishift.support.kit.ProblemException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the open live streams per account on this replica, so that one account (a leaked token,
 * a script, a tab opened a hundred times) cannot hold an unbounded number of connections: beyond
 * {@code maxPerAccount} a new stream is refused with 429 and Retry-After; closing one frees a slot.
 */
public final class StreamSlots {

    private final String streams;
    private final int maxPerAccount;
    private final Duration retryAfter;
    private final Map<UUID, Integer> open = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();

    /** {@code streams} names them for the refusal, e.g. "live ticket streams". */
    public StreamSlots(String streams, int maxPerAccount, Duration retryAfter) {
        this.streams = streams;
        this.maxPerAccount = maxPerAccount;
        this.retryAfter = retryAfter;
    }

    /** Takes a slot for a new stream of the account, or refuses with 429; run the result when the stream ends. */
    public Runnable acquire(UUID account) {
        boolean[] taken = {false};
        open.compute(account, (id, count) -> {
            int current = count == null ? 0 : count;
            if (current >= maxPerAccount) {
                return count;
            }
            taken[0] = true;
            total.incrementAndGet();
            return current + 1;
        });
        if (!taken[0]) {
            throw ProblemException.tooManyRequests("This account already has " + maxPerAccount + " " + streams
                    + " open; close one (for example another tab) and try again.", retryAfter);
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                open.computeIfPresent(account, (id, count) -> count <= 1 ? null : count - 1);
                total.decrementAndGet();
            }
        };
    }

    /** Streams the account has open on this replica. */
    public int openStreams(UUID account) {
        return open.getOrDefault(account, 0);
    }

    /** Streams open on this replica, all accounts together (a gauge reads it). */
    public int openStreams() {
        return total.get();
    }
}
