package com.logishift.support.kit.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** A consumed event is retried while the failure is transient, readiness DOWN meanwhile; poison passes at once. */
class ConsumerRetriesTest {

    private final ConsumerRetries retries = new ConsumerRetries(new ConsumerRetryConfig() {
        @Override
        public Duration initialBackoff() {
            return Duration.ofMillis(1);
        }

        @Override
        public Duration maxBackoff() {
            return Duration.ofMillis(5);
        }

        @Override
        public String healthCheckName() {
            return "test consumers";
        }
    });

    @Test
    void aTransientFailureIsRetriedUntilItPassesAndReadinessIsDownMeanwhile() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<Void> databaseBack = new CompletableFuture<>();
        CompletableFuture<HealthCheckResponse> whileFailing = new CompletableFuture<>();
        Uni<String> attempt = Uni.createFrom().deferred(() -> {
            if (attempts.incrementAndGet() < 3) {
                return Uni.createFrom().failure(new IllegalStateException("connection refused"));
            }
            whileFailing.complete(retries.call());
            return Uni.createFrom().completionStage(databaseBack).replaceWith("applied");
        });
        CompletableFuture<String> result = retries.untilApplied("event-1", failure -> false, attempt)
                .subscribeAsCompletionStage();
        HealthCheckResponse down = whileFailing.get();
        assertEquals(HealthCheckResponse.Status.DOWN, down.getStatus());
        assertEquals("test consumers", down.getName());
        assertEquals(1L, down.getData().orElseThrow().get("eventsWaitingForRetry"));
        assertEquals("connection refused", down.getData().orElseThrow().get("lastFailure"));
        databaseBack.complete(null);
        assertEquals("applied", result.get());
        assertEquals(3, attempts.get());
        assertEquals(HealthCheckResponse.Status.UP, retries.call().getStatus());
    }

    @Test
    void poisonIsNotRetriedAndLeavesReadinessUp() {
        AtomicInteger attempts = new AtomicInteger();
        IllegalArgumentException poison = new IllegalArgumentException("not a CloudEvent");
        Uni<String> attempt = Uni.createFrom().deferred(() -> {
            attempts.incrementAndGet();
            return Uni.createFrom().failure(poison);
        });
        Exception failed = assertThrows(Exception.class, () -> retries
                .untilApplied("event-2", IllegalArgumentException.class::isInstance, attempt)
                .subscribeAsCompletionStage().get());
        assertSame(poison, failed.getCause());
        assertEquals(1, attempts.get());
        assertEquals(HealthCheckResponse.Status.UP, retries.call().getStatus());
    }
}
