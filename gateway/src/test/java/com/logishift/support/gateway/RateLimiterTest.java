package com.logishift.support.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void burstThenSustainedRateThenRefill() {
        RateLimiter limiter = new RateLimiter(3, 1);
        long t = 0;
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, limiter.tryAcquire("a", t), "burst " + i);
        }
        Duration wait = limiter.tryAcquire("a", t);
        assertTrue(wait.toMillis() > 900 && wait.toMillis() <= 1000, "wait " + wait);
        assertEquals(Duration.ZERO, limiter.tryAcquire("b", t), "keys are independent");
        assertEquals(Duration.ZERO, limiter.tryAcquire("a", t + SECOND), "one token per second");
        assertTrue(limiter.tryAcquire("a", t + SECOND).compareTo(Duration.ZERO) > 0);
    }

    @Test
    void idleBucketsAreForgotten() {
        RateLimiter limiter = new RateLimiter(2, 1);
        limiter.tryAcquire("a", 0);
        limiter.tryAcquire("b", 0);
        limiter.evictIdle(10 * SECOND);
        assertEquals(0, limiter.size());
    }
}
