package com.logishift.support.kit.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Each remembered token lives until its own exp, never longer; memory stays bounded. */
class VerifiedTokensTest {

    private record Verified(String subject, long issuedAtSeconds, long expiresAtSeconds) {
    }

    private static VerifiedTokens<Verified> tokens(long maxSize, Clock clock) {
        return new VerifiedTokens<>(maxSize, clock, clock::millis, Verified::expiresAtSeconds);
    }

    /** One clock for the cache's ticker and the wall clock, moved by the test. */
    private static final class Clock implements Ticker {
        final AtomicLong nanos = new AtomicLong(Duration.ofDays(20_000).toNanos());

        @Override
        public long read() {
            return nanos.get();
        }

        long millis() {
            return Duration.ofNanos(nanos.get()).toMillis();
        }

        long seconds() {
            return millis() / 1000;
        }

        void advance(Duration by) {
            nanos.addAndGet(by.toNanos());
        }
    }

    @Test
    void eachTokenIsForgottenAtItsOwnExpiry() {
        Clock clock = new Clock();
        VerifiedTokens<Verified> tokens = tokens(100, clock);
        tokens.remember("short", new Verified("a", clock.seconds(), clock.seconds() + 10));
        tokens.remember("long", new Verified("b", clock.seconds(), clock.seconds() + 600));

        clock.advance(Duration.ofSeconds(9));
        assertEquals("a", tokens.get("short").orElseThrow().subject());
        assertEquals("b", tokens.get("long").orElseThrow().subject());

        clock.advance(Duration.ofSeconds(2)); // past the short one's exp: reading it did not extend it
        assertTrue(tokens.get("short").isEmpty(), "an expired token is verified again, not remembered");
        assertEquals("b", tokens.get("long").orElseThrow().subject());

        clock.advance(Duration.ofSeconds(600));
        assertTrue(tokens.get("long").isEmpty());
        assertEquals(0, tokens.size());
    }

    @Test
    void anAlreadyExpiredTokenIsNotRemembered() {
        Clock clock = new Clock();
        VerifiedTokens<Verified> tokens = tokens(100, clock);
        // within the verifier's clock skew it still verified, but it must be checked again each time
        tokens.remember("late", new Verified("a", clock.seconds() - 100, clock.seconds() - 10));
        assertTrue(tokens.get("late").isEmpty());
    }

    @Test
    void manyCallersDoNotGrowItPastItsBound() {
        Clock clock = new Clock();
        VerifiedTokens<Verified> tokens = tokens(1_000, clock);
        for (int i = 0; i < 20_000; i++) {
            tokens.remember("token-" + i, new Verified("s" + i, clock.seconds(), clock.seconds() + 3600));
        }
        assertTrue(tokens.size() <= 1_000, "bounded: " + tokens.size());
        assertTrue(tokens.size() > 0);
    }
}
