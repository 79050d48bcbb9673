package com.logishift.support.notification.event;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while an event waits for the database to come back (no notification can be stored then). */
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
        var response = HealthCheckResponse.named("event consumers").status(retrying.isEmpty());
        if (!retrying.isEmpty()) {
            response.withData("eventsWaitingForRetry", retrying.size())
                    .withData("lastFailure", retrying.values().iterator().next());
        }
        return response.build();
    }
}
