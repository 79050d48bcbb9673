package com.logishift.support.gateway;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import lombok.RequiredArgsConstructor;

/**
 * Which handler runs for which request, in which order: request id and security headers on
 * everything (order -100), then the size limits ({@link RequestLimits}, order -99), then the API
 * docs and every other /api path ({@link ApiRoutes}). The rest (the web UI) is Quinoa's.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class GatewayRoutes {

    private final SecurityHeaders headers;
    private final ApiDocs docs;
    private final ApiRoutes api;

    void install(@Observes Router router) {
        router.route().order(-100).handler(headers::handle);
        router.get("/api/docs").handler(docs::index);
        router.get("/api/docs/").handler(docs::index);
        router.get("/api/docs/:service/openapi").handler(docs::serviceOpenApi);
        router.route("/api/*").handler(api::handle);
    }
}
