package com.logishift.support.gateway;

import com.logishift.support.kit.InFlightLimit;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.Startup;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Admission control at the edge ({@code support.gateway.admission.*}): a bounded number of requests
 * in flight per route class — sign-in, writes, reads, live streams — so a flood of one kind (say,
 * sign-in attempts) cannot take the room of the others, and what cannot be served is answered 503
 * {@code overloaded} with Retry-After at once rather than after a timeout. Streams have their own
 * class because they stay open. Metrics: {@code support.gateway.admission.in.flight} and
 * {@code .shed}, tagged by class. The services limit themselves too (service-kit's Admission).
 */
@Startup // registers its metrics at start, so they read 0 rather than being absent
@ApplicationScoped
public class RouteAdmission {

    /** The route classes. */
    enum RouteClass {
        AUTH, WRITES, READS, STREAMS
    }

    private final Map<RouteClass, InFlightLimit> limits = new EnumMap<>(RouteClass.class);
    private final String retryAfterSeconds;

    public RouteAdmission(GatewayConfig config, MeterRegistry registry) {
        GatewayConfig.Admission admission = config.gateway().admission();
        limits.put(RouteClass.AUTH, new InFlightLimit(admission.auth()));
        limits.put(RouteClass.WRITES, new InFlightLimit(admission.writes()));
        limits.put(RouteClass.READS, new InFlightLimit(admission.reads()));
        limits.put(RouteClass.STREAMS, new InFlightLimit(admission.streams()));
        limits.forEach((routeClass, limit) -> limit.register(registry, "support.gateway.admission",
                Tags.of("class", routeClass.name().toLowerCase(Locale.ROOT))));
        this.retryAfterSeconds = Long.toString(Math.max(1, (admission.retryAfter().toMillis() + 999) / 1000));
    }

    static RouteClass classOf(HttpMethod method, RouteTable.Match match) {
        if (match.stream()) {
            return RouteClass.STREAMS;
        }
        if (match.access() == RouteTable.Access.PUBLIC_AUTH) {
            return RouteClass.AUTH;
        }
        return method == HttpMethod.GET || method == HttpMethod.HEAD ? RouteClass.READS : RouteClass.WRITES;
    }

    /** Counts the request in until it ends, or answers 503 with Retry-After and returns false. */
    boolean admitted(RoutingContext rc, RouteTable.Match match) {
        RouteClass routeClass = classOf(rc.request().method(), match);
        if (limits.get(routeClass).admit(rc, false)) {
            return true;
        }
        rc.response().putHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        Problems.send(rc.response(), 503, "overloaded", "Service overloaded",
                "Too many requests are being served right now; try again in " + retryAfterSeconds + " s.",
                rc.normalizedPath());
        return false;
    }

    /** Requests of this class in flight now. */
    int inFlight(RouteClass routeClass) {
        return limits.get(routeClass).inFlight();
    }
}
