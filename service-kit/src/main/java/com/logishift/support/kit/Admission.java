package com.logishift.support.kit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Admission control: at most {@code support.http.admission.max-in-flight} requests are served at once;
 * one more is answered 503 problem+json {@code overloaded} with Retry-After right here, first thing,
 * before its body is read or any application code or transaction starts. Above capacity the service
 * so sheds what it cannot serve in time, rather than accepting everything and timing out mid-work.
 * Not counted: {@code /q/*} (health, metrics: an overloaded service must still say how it is) and
 * server-sent event streams once their answer began (long-lived; each stream caps its own).
 */
@ApplicationScoped
public class Admission {

    private final InFlightLimit limit;
    private final ObjectMapper json;
    private final String retryAfterSeconds;

    public Admission(RequestLimits.Config config, ObjectMapper json, MeterRegistry registry) {
        this.limit = new InFlightLimit(config.admission().maxInFlight());
        this.json = json;
        this.retryAfterSeconds = Long.toString(Math.max(1, (config.admission().retryAfter().toMillis() + 999) / 1000));
        limit.register(registry, "support.http.admission", Tags.empty());
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::admit);
    }

    private void admit(RoutingContext rc) {
        String path = rc.normalizedPath();
        if (path.equals("/q") || path.startsWith("/q/") || limit.admit(rc, true)) {
            rc.next();
            return;
        }
        rc.response().putHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        // a body still arriving is drained first, then the connection closed: it is half-read
        Refusals.refuse(rc, json, Problem.of(503, "overloaded", "Service overloaded",
                "Too many requests are being served right now; try again in " + retryAfterSeconds + " s."),
                true, !rc.request().isEnded());
    }

    /** How many requests are being served now (for tests and diagnostics). */
    public int inFlight() {
        return limit.inFlight();
    }
}
