package com.logishift.support.gateway;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per key (a client IP or an account id). In memory, per gateway replica: with N
 * replicas a client can get up to N times the limit, which is acceptable for abuse protection.
 */
public final class RateLimiter {

    private final double capacity;
    private final double refillPerNano;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(double capacity, double perSecond) {
        if (capacity < 1 || perSecond <= 0) {
            throw new IllegalArgumentException("capacity >= 1 and rate > 0 required");
        }
        this.capacity = capacity;
        this.refillPerNano = perSecond / 1_000_000_000d;
    }

    /** Takes one token; empty when allowed, else how long until the next token. */
    public Duration tryAcquire(String key, long nowNanos) {
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, nowNanos));
        synchronized (bucket) {
            bucket.refill(nowNanos, capacity, refillPerNano);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) / refillPerNano));
        }
    }

    /** Forgets buckets that are full again (idle clients), so memory stays bounded. */
    public void evictIdle(long nowNanos) {
        buckets.entrySet().removeIf(entry -> {
            Bucket bucket = entry.getValue();
            synchronized (bucket) {
                bucket.refill(nowNanos, capacity, refillPerNano);
                return bucket.tokens >= capacity;
            }
        });
    }

    public int size() {
        return buckets.size();
    }

    private static final class Bucket {
        private double tokens;
        private long updatedNanos;

        Bucket(double tokens, long nowNanos) {
            this.tokens = tokens;
            this.updatedNanos = nowNanos;
        }

        void refill(long nowNanos, double capacity, double refillPerNano) {
            long elapsed = nowNanos - updatedNanos;
            if (elapsed > 0) {
                tokens = Math.min(capacity, tokens + elapsed * refillPerNano);
                updatedNanos = nowNanos;
            }
        }
    }
}
