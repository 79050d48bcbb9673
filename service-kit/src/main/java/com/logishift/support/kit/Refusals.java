package com.logishift.support.kit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a request with a problem from a Vert.x route, before any resource runs (size limits,
 * admission). One home for how such an early answer meets a body that is still arriving.
 */
final class Refusals {

    /** At most this much of a refused body is read (and discarded) before the connection is closed. */
    private static final long DRAIN_LIMIT = 4L * 1024 * 1024;

    private Refusals() {
    }

    /**
     * Sends {@code problem} (with the request's path as instance when {@code withPath});
     * {@code close}: the connection is closed after the answer.
     */
    static void refuse(RoutingContext rc, ObjectMapper json, Problem problem, boolean withPath, boolean close) {
        String body;
        try {
            body = json.writeValueAsString(withPath ? problem.at(rc.normalizedPath()) : problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        HttpServerRequest request = rc.request();
        Runnable answer = () -> {
            if (!rc.response().ended()) {
                rc.response().setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
                if (close) {
                    rc.response().putHeader(HttpHeaders.CONNECTION, "close");
                }
                rc.response().end(body);
            }
        };
        if (request.isEnded()) {
            answer.run();
            return;
        }
        // read the rest of the body (discarding it) before answering: a client, or the gateway, still
        // sending would otherwise see the connection reset instead of this answer. Past DRAIN_LIMIT
        // the connection is closed.
        long[] drained = {0};
        request.handler(chunk -> {
            drained[0] += chunk.length();
            if (drained[0] > DRAIN_LIMIT) {
                answer.run();
                request.connection().close();
            }
        });
        request.exceptionHandler(e -> request.connection().close());
        request.endHandler(v -> answer.run());
        request.resume();
    }
}
