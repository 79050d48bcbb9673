package com.logishift.support.gateway;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The front door: every /api request gets a request id and security headers, is matched to its
 * service, rate-limited, authenticated (unless public) and streamed to the service and back.
 */
@ApplicationScoped
public class GatewayRoutes {

    private static final Logger LOG = Logger.getLogger(GatewayRoutes.class);
    public static final String REQUEST_ID = "X-Request-Id";
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    /** Headers that describe one connection, not the message: never passed on (RFC 9110 §7.6.1). */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length");
    /** What a caller may claim about the way it came: never passed on; the gateway says it itself. */
    private static final Set<String> FORWARDING = Set.of("forwarded", "x-forwarded-for", "x-forwarded-proto",
            "x-forwarded-host", "x-forwarded-port", "x-forwarded-prefix", "x-forwarded-server", "x-forwarded-ssl",
            "x-forwarded-trusted-proxy", "x-real-ip");

    /** For the pages of the web UI (served by Quinoa from the same origin as the API). */
    static final String UI_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private final HttpClient client;
    private final GatewayConfig config;
    private final EdgeAuthenticator authenticator;
    private final RequestLimits limits;
    private final RateLimiter signInLimiter;
    private final RateLimiter publicLimiter;
    private final RateLimiter accountLimiter;
    private final boolean limitsEnabled;

    public GatewayRoutes(HttpClient client, GatewayConfig config, EdgeAuthenticator authenticator,
            RequestLimits limits) {
        this.client = client;
        this.config = config;
        this.authenticator = authenticator;
        this.limits = limits;
        GatewayConfig.RateLimit rates = config.gateway().rateLimit();
        this.signInLimiter = new RateLimiter(rates.authPerMinute(), rates.authPerMinute() / 60d);
        this.publicLimiter = new RateLimiter(rates.publicPerSecond() * 2d, rates.publicPerSecond());
        this.accountLimiter = new RateLimiter(rates.accountBurst(), rates.accountPerSecond());
        this.limitsEnabled = rates.enabled().orElse(true);
    }

    void install(@Observes Router router) {
        router.route().order(-100).handler(this::commonHeaders);
        router.get("/api/docs").handler(this::docsIndex);
        router.get("/api/docs/").handler(this::docsIndex);
        router.get("/api/docs/:service/openapi").handler(this::serviceOpenApi);
        router.route("/api/*").handler(this::api);
    }

    void evictIdleBuckets(@Observes StartupEvent start, Vertx vertx) {
        vertx.setPeriodic(60_000, id -> {
            long now = System.nanoTime();
            signInLimiter.evictIdle(now);
            publicLimiter.evictIdle(now);
            accountLimiter.evictIdle(now);
        });
    }

    /** Request id (kept if the caller sent a sane one) and security headers on every response. */
    private void commonHeaders(RoutingContext rc) {
        String incoming = rc.request().getHeader(REQUEST_ID);
        String requestId = incoming != null && SAFE_REQUEST_ID.matcher(incoming).matches()
                ? incoming : UUID.randomUUID().toString();
        rc.put(REQUEST_ID, requestId);
        boolean api = rc.normalizedPath().startsWith("/api/");
        rc.addHeadersEndHandler(v -> {
            MultiMap headers = rc.response().headers();
            headers.set(REQUEST_ID, requestId);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            if (api) {
                headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
                if (!headers.contains(HttpHeaders.CACHE_CONTROL)) {
                    headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
                }
            } else {
                // the web UI: only its own bundled scripts and styles, no inline script, no framing
                headers.set("Content-Security-Policy", UI_CONTENT_SECURITY_POLICY);
                headers.set("Cross-Origin-Opener-Policy", "same-origin");
                headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
                String type = headers.get(HttpHeaders.CONTENT_TYPE);
                if (type != null && type.startsWith("text/html")) {
                    // the page names the current hashed bundles: always ask whether it changed
                    headers.set(HttpHeaders.CACHE_CONTROL, "no-cache");
                }
            }
        });
        rc.next();
    }

    private void api(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        request.pause(); // the body is streamed to the service once we know where it goes
        // however the exchange is answered (401, 429, a service's early answer), what is left of the
        // request is read (and dropped) to its end: a paused connection would read nothing more
        rc.addEndHandler(v -> {
            if (!request.isEnded()) {
                request.resume();
            }
        });
        String path = rc.normalizedPath();
        Optional<RouteTable.Match> match = RouteTable.match(request.method().name(), path);
        if (match.isEmpty()) {
            Problems.send(rc.response(), 404, "not-found", "Not found", "No API at this path.", path);
            return;
        }
        RouteTable.Access access = match.get().access();
        String clientIp = clientAddress(request);
        if (access == RouteTable.Access.PUBLIC_AUTH && !allowed(rc, signInLimiter, "ip:" + clientIp)) {
            return;
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (access == RouteTable.Access.PUBLIC || access == RouteTable.Access.PUBLIC_AUTH) {
            // public routes pass with or without a token; a signed-in caller is still limited per account
            if (authorization == null) {
                if (access == RouteTable.Access.PUBLIC && !allowed(rc, publicLimiter, "ip:" + clientIp)) {
                    return;
                }
                forward(rc, match.get().backend(), path, false);
                return;
            }
        }
        if (access == RouteTable.Access.STREAM && authorization == null && request.getParam("ticket") != null) {
            // a browser's EventSource: notification-service redeems the one-time ticket itself
            forward(rc, match.get().backend(), path, true);
            return;
        }
        authenticator.verify(authorization).onComplete(result -> {
            Optional<String> subject = result.succeeded() ? result.result() : Optional.empty();
            if (subject.isEmpty()) {
                if (access == RouteTable.Access.PUBLIC) {
                    forward(rc, match.get().backend(), path, false); // the service ignores it or refuses
                    return;
                }
                rc.response().putHeader("WWW-Authenticate", "Bearer");
                Problems.send(rc.response(), 401, "unauthorized", "Unauthorized",
                        authorization == null ? "A bearer token is required."
                                : "The bearer token is invalid or expired.", path);
                return;
            }
            if (!allowed(rc, accountLimiter, "sub:" + subject.get())) {
                return;
            }
            forward(rc, match.get().backend(), path, access == RouteTable.Access.STREAM);
        });
    }

    /**
     * The caller's address: the peer's, or — only when the peer is a trusted proxy
     * ({@code quarkus.http.proxy.*}: forwarding on, the peer in trusted-proxies) — the one it
     * forwarded. Quarkus resolves it; this is the one place the gateway reads it.
     */
    static String clientAddress(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().host();
    }

    /** Takes a token from the limiter, or answers 429 with Retry-After. */
    private boolean allowed(RoutingContext rc, RateLimiter limiter, String key) {
        if (!limitsEnabled) {
            return true;
        }
        Duration wait = limiter.tryAcquire(key, System.nanoTime());
        if (wait.isZero()) {
            return true;
        }
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        rc.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        Problems.send(rc.response(), 429, "too-many-requests", "Too many requests",
                "Slow down: try again in " + seconds + " s.", rc.normalizedPath());
        return false;
    }

    /** Streams the request to the service and its answer back, status and headers kept. */
    private void forward(RoutingContext rc, Backend backend, String path, boolean stream) {
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
                // a live stream may be quiet for a while (it sends keep-alives); anything else may not
                .setIdleTimeout(stream ? 0 : config.gateway().responseTimeout().toMillis());
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        copyHeaders(request.headers(), headers, FORWARDING);
        headers.set(REQUEST_ID, (String) rc.get(REQUEST_ID));
        // what the services learn about the caller is what the gateway resolved, never what it claimed:
        // one address (agent-service throttles sign-in per account and this address)
        headers.set("X-Forwarded-For", clientAddress(request));
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
            streamBody(rc, backendRequest, exchange);
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
    private void streamBody(RoutingContext rc, HttpClientRequest backendRequest, Exchange exchange) {
        HttpServerRequest request = rc.request();
        long limit = limits.bodyLimit(rc);
        long[] received = {0};
        backendRequest.exceptionHandler(e -> exchange.bodyDone = true); // the response future reports it
        backendRequest.drainHandler(v -> request.resume());
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
        return response.send(answer).onFailure(e -> LOG.debugf("Response stream ended early: %s", e.getMessage()));
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
                (String) rc.get(REQUEST_ID));
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

    /** Where each service's OpenAPI document is, through the gateway. */
    private void docsIndex(RoutingContext rc) {
        JsonArray services = new JsonArray();
        for (Backend backend : Backend.values()) {
            String name = backend.name().toLowerCase(Locale.ROOT) + "-service";
            services.add(new JsonObject().put("service", name).put("openapi", "/api/docs/" + name + "/openapi"));
        }
        rc.response().putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("services", services).encode());
    }

    private void serviceOpenApi(RoutingContext rc) {
        rc.request().pause();
        String service = rc.pathParam("service");
        for (Backend backend : Backend.values()) {
            if ((backend.name().toLowerCase(Locale.ROOT) + "-service").equals(service)) {
                forward(rc, backend, "/q/openapi", false);
                return;
            }
        }
        Problems.send(rc.response(), 404, "not-found", "Not found", "No service " + service + ".", rc.normalizedPath());
    }
}
