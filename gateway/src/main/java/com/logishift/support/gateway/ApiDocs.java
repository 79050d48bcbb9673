package com.logishift.support.gateway;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import lombok.RequiredArgsConstructor;

/** /api/docs: where each service's OpenAPI document is, and that document, through the gateway. */
@ApplicationScoped
@RequiredArgsConstructor
public class ApiDocs {

    private final Proxy proxy;

    void index(RoutingContext rc) {
        JsonArray services = new JsonArray();
        for (Backend backend : Backend.values()) {
            services.add(new JsonObject().put("service", serviceName(backend))
                    .put("openapi", "/api/docs/" + serviceName(backend) + "/openapi"));
        }
        rc.response().putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("services", services).encode());
    }

    void serviceOpenApi(RoutingContext rc) {
        rc.request().pause();
        String service = rc.pathParam("service");
        for (Backend backend : Backend.values()) {
            if (serviceName(backend).equals(service)) {
                proxy.forward(rc, backend, "/q/openapi", false);
                return;
            }
        }
        Problems.send(rc.response(), 404, "not-found", "Not found", "No service " + service + ".", rc.normalizedPath());
    }

    private static String serviceName(Backend backend) {
        return backend.name().toLowerCase(Locale.ROOT) + "-service";
    }
}
