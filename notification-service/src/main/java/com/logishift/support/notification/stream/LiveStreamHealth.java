package com.logishift.support.notification.stream;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while new notifications can reach open streams. */
@Readiness
@ApplicationScoped
public class LiveStreamHealth implements HealthCheck {

    private final LiveNotifications live;

    public LiveStreamHealth(LiveNotifications live) {
        this.live = live;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("live notification stream").status(live.listening()).build();
    }
}
