package com.logishift.support.gateway;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The gateway is ready when its backends are: each service's /q/health/ready is polled in the
 * background (so a readiness probe never waits on a slow service) and the last answers reported.
 */
@Readiness
@ApplicationScoped
public class BackendsHealth implements HealthCheck {

    private final HttpClient client;
    private final GatewayConfig config;
    private final Map<Backend, String> states = new EnumMap<>(Backend.class);
    private final Vertx vertx;
    private volatile boolean stopped;
    private long timer = -1;

    public BackendsHealth(HttpClient client, GatewayConfig config, Vertx vertx) {
        this.client = client;
        this.config = config;
        this.vertx = vertx;
        for (Backend backend : Backend.values()) {
            states.put(backend, "unknown");
        }
    }

    void start(@Observes StartupEvent start) {
        poll();
        timer = vertx.setPeriodic(config.gateway().healthCacheTime().toMillis(), id -> poll());
    }

    /**
     * The gateway is stopping: no poll after this, since the shared client closes before the event
     * loops do, and a poll then throws "Client is closed" (an ERROR in every shutdown log).
     */
    void stop(@Observes ShutdownEvent stop) {
        stopped = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void poll() {
        if (stopped) {
            return;
        }
        for (Backend backend : Backend.values()) {
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET)
                    .setAbsoluteURI(backend.url(config) + "/q/health/ready")
                    .setConnectTimeout(1000).setIdleTimeout(1500);
            client.request(options)
                    .compose(request -> request.send())
                    .onComplete(result -> {
                        String state = result.succeeded()
                                ? (result.result().statusCode() == 200 ? "UP" : "DOWN (" + result.result().statusCode() + ")")
                                : "unreachable";
                        if (result.succeeded()) {
                            result.result().body(); // drain, so the connection goes back to the pool
                        }
                        synchronized (states) {
                            states.put(backend, state);
                        }
                    });
        }
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("backends");
        boolean up = true;
        synchronized (states) {
            for (Map.Entry<Backend, String> entry : states.entrySet()) {
                response.withData(entry.getKey().name().toLowerCase(Locale.ROOT) + "-service", entry.getValue());
                up &= "UP".equals(entry.getValue());
            }
        }
        return response.status(up).build();
    }
}
