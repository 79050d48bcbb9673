package com.logishift.support.gateway;

import com.logishift.support.kit.tracing.Traces;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import lombok.RequiredArgsConstructor;
import org.jboss.logging.Logger;

/**
 * Streams a request to its service and the answer back: status and headers kept except the
 * connection's own, the caller's address as the gateway resolved it, the body counted against
 * {@link RequestLimits#bodyLimit}, an absolute Location rewritten to the caller's address, and a
 * service that is down or silent answered 503/504. Nothing is buffered.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class Proxy {

    private static final Logger LOG = Logger.getLogger(Proxy.class);
    /** Headers that describe one connection, not the message: never passed on (RFC 9110 §7.6.1). */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length");
    /** What a caller may claim about the way it came: never passed on; the gateway says it itself. */
    private static final Set<String> FORWARDING = Set.of("forwarded", "x-forwarded-for", "x-forwarded-proto",
            "x-forwarded-host", "x-forwarded-port", "x-forwarded-prefix", "x-forwarded-server", "x-forwarded-ssl",
            "x-forwarded-trusted-proxy", "x-real-ip",
            // the caller's trace context is the parent of the gateway's span; the service gets the
            // gateway's own (below), never two competing ones
            "traceparent", "tracestate");

    private final HttpClient client;
    private final GatewayConfig config;
    private final RequestLimits limits;

    /** Streams the request to the service and its answer back, status and headers kept. */
    void forward(RoutingContext rc, Backend backend, String path, boolean stream) {
        forward(rc, backend, path, stream, 1);
    }

    private void forward(RoutingContext rc, Backend backend, String path, boolean stream, int attempt) {
        HttpServerRequest request = rc.request();
        HttpServerResponse response = rc.response();
        String query = request.query();
        String target = backend.url(config) + path + (query == null ? "" : "?" + query);
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setAbsoluteURI(target)
                .setConnectTimeout(config.gateway().connectTimeout().toMillis())
                // the service must begin its answer in time (Vert.x stops this timer at the answer's
                // head); a live stream is exempt: it may take a while to begin and is then quiet
                .setIdleTimeout(stream ? 0 : config.gateway().responseTimeout().toMillis());
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        copyHeaders(request.headers(), headers, FORWARDING);
        headers.set(SecurityHeaders.REQUEST_ID, SecurityHeaders.requestId(rc));
        // the service's server span is a child of the gateway's (BackendClient itself is untraced)
        Traces.injectCurrent(headers::set);
        // what the services learn about the caller is what the gateway resolved, never what it claimed:
        // one address (agent-service throttles sign-in per account and this address)
        headers.set("X-Forwarded-For", ClientAddress.of(request));
        headers.set("X-Forwarded-Proto", request.scheme());
        if (request.host() != null) {
            headers.set("X-Forwarded-Host", request.host());
        }
        options.setHeaders(headers);

        client.request(options).onComplete(connected -> {
            if (connected.failed()) {
                unavailable(rc, backend, path, connected.cause());
                return;
            }
            HttpClientRequest backendRequest = connected.result();
            Exchange exchange = new Exchange();
            // the caller left mid-exchange (e.g. closed a live stream): stop the backend's work. The
            // check matters: this handler also fires when a keep-alive connection closes long after
            // the answer, when this backend connection may already serve someone else's request
            response.closeHandler(v -> {
                if (!response.ended()) {
                    exchange.bodyDone = true;
                    backendRequest.reset();
                }
            });
            boolean bodiless = request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD;
            backendRequest.response().onComplete(answered -> {
                if (exchange.refused) {
                    return; // the caller already has its 413
                }
                if (answered.failed()) {
                    // a pooled keep-alive connection the service closed just as we reused it: a read
                    // without a body is safe to send once more on a fresh connection
                    if (bodiless && attempt == 1 && answered.cause() instanceof HttpClosedException
                            && !response.headWritten()) {
                        forward(rc, backend, path, stream, 2);
                        return;
                    }
                    // whatever the caller still sends goes nowhere; it must not stay paused for
                    // back-pressure from a connection that is gone
                    exchange.bodyDone = true;
                    if (!request.isEnded()) {
                        request.resume();
                    }
                    unavailable(rc, backend, path, answered.cause());
                    return;
                }
                // a service may answer before it has read the whole body (e.g. its own 413): that
                // answer is the caller's, and the rest of the body goes nowhere
                boolean early = !bodiless && !exchange.bodyDone;
                exchange.bodyDone = true;
                if (early && !request.isEnded()) {
                    request.resume(); // paused for back-pressure maybe: let the rest arrive, to be dropped
                }
                relay(answered.result(), request, response).onComplete(relayed -> {
                    if (early) {
                        backendRequest.reset(); // half a request on that connection: it cannot serve another
                    }
                });
            });
            if (bodiless) {
                backendRequest.headers().remove(HttpHeaders.CONTENT_LENGTH);
                backendRequest.end();
                return;
            }
            String contentLength = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            if (contentLength != null) {
                backendRequest.putHeader(HttpHeaders.CONTENT_LENGTH, contentLength);
            } else {
                backendRequest.setChunked(true);
            }
            streamBody(rc, backendRequest, exchange, stream ? 0 : config.gateway().responseTimeout().toMillis());
        });
    }

    /** How far one exchange got; touched on the caller's event loop only. */
    private static final class Exchange {
        /** no more of the caller's body goes to the service (answered, refused, or one side gone) */
        boolean bodyDone;
        /** the gateway answered 413 itself */
        boolean refused;
    }

    /**
     * Streams the caller's body to the service, counting. A chunked body (no Content-Length; a
     * declared one was checked by {@link RequestLimits}) that grows past the limit is cut off: the
     * service's request is reset, so it never acts on half a body, and the caller gets 413.
     */
    private void streamBody(RoutingContext rc, HttpClientRequest backendRequest, Exchange exchange, long idleMillis) {
        HttpServerRequest request = rc.request();
        long limit = limits.bodyLimit(rc);
        long[] received = {0};
        backendRequest.exceptionHandler(e -> exchange.bodyDone = true); // the response future reports it
        backendRequest.drainHandler(v -> {
            if (!exchange.bodyDone) {
                quietFor(backendRequest, idleMillis); // the service is reading: progress
            }
            request.resume();
        });
        request.handler(chunk -> {
            received[0] += chunk.length();
            if (received[0] > limit) {
                if (!exchange.refused) {
                    exchange.bodyDone = true;
                    exchange.refused = true;
                    backendRequest.reset();
                    if (rc.response().headWritten()) {
                        request.connection().close(); // answered already; no reason to read on
                    } else {
                        limits.refuseBody(rc);
                    }
                }
                return;
            }
            if (exchange.bodyDone) {
                return; // dropped: nobody reads it any more
            }
            try {
                backendRequest.write(chunk);
                quietFor(backendRequest, idleMillis);
                if (backendRequest.writeQueueFull()) {
                    request.pause();
                }
            } catch (IllegalStateException complete) {
                exchange.bodyDone = true; // the service's connection ended; its response future says how
            }
        });
        request.endHandler(v -> {
            if (!exchange.bodyDone) {
                exchange.bodyDone = true;
                backendRequest.end();
                quietFor(backendRequest, idleMillis); // the service's whole time to answer starts now
            }
        });
        request.exceptionHandler(e -> {
            // the caller's connection broke mid-body: the service must not act on what arrived
            if (!exchange.bodyDone) {
                exchange.bodyDone = true;
                backendRequest.reset();
            }
        });
        request.resume();
    }

    /**
     * Restarts the exchange's idle timeout, which runs until the service's answer begins: while
     * the body still streams (a 10 MiB upload from a slow client takes a while) the service cannot
     * answer yet, so the time counts from the body's last progress. A body that stops arriving for
     * that long still ends in 504. Never called once the answer began (it would cut the answer).
     */
    private static void quietFor(HttpClientRequest backendRequest, long idleMillis) {
        if (idleMillis > 0) {
            backendRequest.idleTimeout(idleMillis);
        }
    }

    private static Future<Void> relay(HttpClientResponse answer, HttpServerRequest request, HttpServerResponse response) {
        response.setStatusCode(answer.statusCode());
        copyHeaders(answer.headers(), response.headers(), Set.of());
        String location = answer.getHeader(HttpHeaders.LOCATION);
        if (location != null) {
            response.headers().set(HttpHeaders.LOCATION, publicLocation(location, request));
        }
        String length = answer.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            response.putHeader(HttpHeaders.CONTENT_LENGTH, length);
        } else {
            response.setChunked(true);
        }
        // Relayed by hand rather than with response.send(answer): when the caller leaves mid-answer,
        // Vert.x's pipe ends the response while chunks already read from the service are still
        // queued, and each of those then throws "Response has already been written" (an ERROR per
        // departed caller). Here a chunk for a response that is gone is dropped.
        Promise<Void> relayed = Promise.promise();
        answer.handler(chunk -> {
            if (response.ended() || response.closed()) {
                return;
            }
            response.write(chunk);
            if (response.writeQueueFull()) {
                answer.pause();
                response.drainHandler(v -> answer.resume());
            }
        });
        answer.exceptionHandler(e -> {
            LOG.debugf("Response stream ended early: %s", e.getMessage());
            if (!response.ended() && !response.closed()) {
                response.reset(); // a cut answer must not look complete to the caller
            }
            relayed.tryFail(e);
        });
        answer.endHandler(v -> {
            if (!response.ended() && !response.closed()) {
                response.end();
            }
            relayed.tryComplete();
        });
        return relayed.future();
    }

    /**
     * A service builds absolute URLs from the address the gateway reached it at (http://faq-service:8083/…):
     * the caller gets the same path on the address it used — scheme and host as a trusted proxy
     * forwarded them, else as it sent them. The services never point anywhere else; a relative
     * reference is already public and stays.
     */
    static String publicLocation(String location, HttpServerRequest request) {
        URI uri;
        try {
            uri = new URI(location);
        } catch (URISyntaxException e) {
            return location;
        }
        if (!uri.isAbsolute() || uri.getRawAuthority() == null) {
            return location;
        }
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
        String host = request.host();
        return host == null || host.isBlank() ? path : request.scheme() + "://" + host + path;
    }

    private void unavailable(RoutingContext rc, Backend backend, String path, Throwable cause) {
        boolean timeout = cause instanceof TimeoutException
                || (cause.getMessage() != null && cause.getMessage().toLowerCase(Locale.ROOT).contains("timeout"));
        String service = backend.name().toLowerCase(Locale.ROOT) + "-service";
        LOG.warnf("%s %s: %s did not answer (%s) [%s]", rc.request().method(), path, service, cause.getMessage(),
                SecurityHeaders.requestId(rc));
        if (timeout) {
            Problems.send(rc.response(), 504, "gateway-timeout", "Gateway timeout",
                    "The " + service + " did not answer in time; try again.", path);
        } else {
            Problems.send(rc.response(), 503, "service-unavailable", "Service unavailable",
                    "The " + service + " is not reachable right now; try again shortly.", path);
        }
    }

    private static void copyHeaders(MultiMap from, MultiMap to, Set<String> alsoDropped) {
        if (to == null) {
            return;
        }
        for (var entry : from) {
            String name = entry.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(name) && !alsoDropped.contains(name)) {
                to.add(entry.getKey(), entry.getValue());
            }
        }
    }
}
