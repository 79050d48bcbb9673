package com.logishift.support.notification.stream;

import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while new notifications can reach open streams. */
@Readiness
@ApplicationScoped
@RequiredArgsConstructor
public class LiveStreamHealth implements HealthCheck {

    private final LiveNotifications live;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("live notification stream").status(live.listening()).build();
    }
}
