package com.logishift.support.gateway;

import io.vertx.core.http.HttpServerRequest;

/**
 * The caller's address: the peer's, or — only when the peer is a trusted proxy
 * ({@code quarkus.http.proxy.*}: forwarding on, the peer in trusted-proxies) — the one it
 * forwarded. Quarkus resolves it; this is the one place the gateway reads it (rate limits, the
 * X-Forwarded-For passed on).
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().host();
    }
}
