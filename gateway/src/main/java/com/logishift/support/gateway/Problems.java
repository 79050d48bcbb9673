package com.logishift.support.gateway;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** RFC 9457 problem+json answers written by the gateway itself (same shape as the services'). */
final class Problems {

    private static final String TYPE_BASE = "https://support.logishift.com/problems/";

    private Problems() {
    }

    /** Completes once the answer is written (or failed, or the exchange was already answered and is reset). */
    static Future<Void> send(HttpServerResponse response, int status, String slug, String title, String detail,
            String path) {
        if (response.ended() || response.headWritten()) {
            response.reset();
            return Future.succeededFuture();
        }
        String body = new JsonObject()
                .put("type", TYPE_BASE + slug)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", path)
                .encode();
        return response.setStatusCode(status)
                .putHeader("Content-Type", "application/problem+json")
                .end(body);
    }
}
