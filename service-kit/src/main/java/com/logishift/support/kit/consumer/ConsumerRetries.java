package com.logishift.support.kit.consumer;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Applies a consumed event until it sticks: a failure that is not poison (the database refusing or
 * dropping connections, timeouts, an exhausted pool…) is retried with a doubling delay for as long
 * as it lasts, and readiness is DOWN meanwhile, so an operator sees on /q/health/ready why events
 * wait. Poison is passed on at once, for the caller to dead-letter. Active where
 * {@code support.consumer.enabled=true} (build time).
 */
@Readiness
@Default
@ApplicationScoped
@IfBuildProperty(name = "support.consumer.enabled", stringValue = "true")
@RequiredArgsConstructor
public class ConsumerRetries implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(ConsumerRetries.class);

    private final ConsumerRetryConfig config;
    /** Event id → the last failure's message, for each event now waiting for its next attempt. */
    private final Map<String, String> retrying = new ConcurrentHashMap<>();

    /** {@code attempt}, re-subscribed after each failure that is not {@code poison}. */
    public <T> Uni<T> untilApplied(String eventId, Predicate<Throwable> poison, Uni<T> attempt) {
        Predicate<Throwable> transientFailure = poison.negate();
        AtomicInteger attempts = new AtomicInteger();
        return attempt
                .onFailure(transientFailure).invoke(failure -> {
                    retrying.put(eventId, String.valueOf(failure.getMessage()));
                    LOG.warnf("Event %s not applied yet (attempt %d, retrying): %s", eventId,
                            attempts.incrementAndGet(), failure.getMessage());
                })
                .onFailure(transientFailure)
                .retry().withBackOff(config.initialBackoff(), config.maxBackoff()).indefinitely()
                .eventually(() -> retrying.remove(eventId));
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named(config.healthCheckName()).status(retrying.isEmpty());
        if (!retrying.isEmpty()) {
            response.withData("eventsWaitingForRetry", retrying.size())
                    .withData("lastFailure", retrying.values().iterator().next());
        }
        return response.build();
    }
}
