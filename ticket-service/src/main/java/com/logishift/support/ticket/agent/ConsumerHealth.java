package com.logishift.support.ticket.agent;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while an account event is waiting for the database to come back: the service cannot
 * learn about agents then, and an operator sees why on /q/health/ready.
 */
@Readiness
@ApplicationScoped
public class ConsumerHealth implements HealthCheck {

    private final Map<String, String> retrying = new ConcurrentHashMap<>();

    void retrying(String eventId, Throwable failure) {
        retrying.put(eventId, String.valueOf(failure.getMessage()));
    }

    void done(String eventId) {
        retrying.remove(eventId);
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("account events consumer").status(retrying.isEmpty());
        if (!retrying.isEmpty()) {
            response.withData("eventsWaitingForRetry", retrying.size())
                    .withData("lastFailure", retrying.values().iterator().next());
        }
        return response.build();
    }
}
