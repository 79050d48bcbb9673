package com.logishift.support.kit.tracing;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Puts the gateway's {@code X-Request-Id} on this service's server span (attribute
 * {@value Traces#REQUEST_ID_ATTRIBUTE}) with the first routes, so a trace can be found by the id a
 * customer or an access log quotes — also for a request that is then refused. The gateway tags its
 * own span itself (it decides the id) and leaves this class out (quarkus.arc.exclude-types).
 */
@ApplicationScoped
public class RequestIdOnSpans {

    static final String REQUEST_ID = "X-Request-Id";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            Traces.tagRequestId(rc.request().getHeader(REQUEST_ID));
            rc.next();
        });
    }
}
