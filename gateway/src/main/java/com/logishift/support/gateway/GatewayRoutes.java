package com.logishift.support.gateway;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
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

    /** For the pages of the web UI (served by Quinoa from the same origin as the API). */
    static final String UI_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private final HttpClient client;
    private final GatewayConfig config;
    private final EdgeAuthenticator authenticator;
    private final RateLimiter signInLimiter;
    private final RateLimiter publicLimiter;
    private final RateLimiter accountLimiter;
    private final boolean limitsEnabled;

    public GatewayRoutes(HttpClient client, GatewayConfig config, EdgeAuthenticator authenticator) {
        this.client = client;
        this.config = config;
        this.authenticator = authenticator;
        GatewayConfig.RateLimit limits = config.gateway().rateLimit();
        this.signInLimiter = new RateLimiter(limits.authPerMinute(), limits.authPerMinute() / 60d);
        this.publicLimiter = new RateLimiter(limits.publicPerSecond() * 2d, limits.publicPerSecond());
        this.accountLimiter = new RateLimiter(limits.accountBurst(), limits.accountPerSecond());
        this.limitsEnabled = limits.enabled().orElse(true);
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
        String path = rc.normalizedPath();
        Optional<RouteTable.Match> match = RouteTable.match(request.method().name(), path);
        if (match.isEmpty()) {
            Problems.send(rc.response(), 404, "not-found", "Not found", "No API at this path.", path);
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && tooLarge(length)) {
            Problems.send(rc.response(), 413, "payload-too-large", "Payload too large",
                    "The request body is larger than " + config.gateway().maxBodyBytes() + " bytes.", path);
            return;
        }
        RouteTable.Access access = match.get().access();
        String clientIp = request.remoteAddress() == null ? "unknown" : request.remoteAddress().host();
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

    private boolean tooLarge(String contentLength) {
        try {
            return Long.parseLong(contentLength.strip()) > config.gateway().maxBodyBytes();
        } catch (NumberFormatException e) {
            return true;
        }
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
        copyHeaders(request.headers(), headers);
        headers.set(REQUEST_ID, (String) rc.get(REQUEST_ID));
        String forwardedFor = request.getHeader("X-Forwarded-For");
        String clientIp = request.remoteAddress() == null ? "unknown" : request.remoteAddress().host();
        headers.set("X-Forwarded-For", forwardedFor == null ? clientIp : forwardedFor + ", " + clientIp);
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
            var backendRequest = connected.result();
            // the caller left mid-exchange (e.g. closed a live stream): stop the backend's work. The
            // check matters: this handler also fires when a keep-alive connection closes long after
            // the answer, when this backend connection may already serve someone else's request
            response.closeHandler(v -> {
                if (!response.ended()) {
                    backendRequest.reset();
                }
            });
            boolean bodiless = request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD;
            String contentLength = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            if (bodiless) {
                backendRequest.headers().remove(HttpHeaders.CONTENT_LENGTH);
            } else if (contentLength != null) {
                backendRequest.putHeader(HttpHeaders.CONTENT_LENGTH, contentLength);
            } else {
                backendRequest.setChunked(true);
            }
            (bodiless ? backendRequest.send() : backendRequest.send(request)).onComplete(answered -> {
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
                relay(answered.result(), response);
            });
        });
    }

    private static void relay(HttpClientResponse answer, HttpServerResponse response) {
        response.setStatusCode(answer.statusCode());
        copyHeaders(answer.headers(), response.headers());
        String length = answer.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            response.putHeader(HttpHeaders.CONTENT_LENGTH, length);
        } else {
            response.setChunked(true);
        }
        response.send(answer).onFailure(e -> LOG.debugf("Response stream ended early: %s", e.getMessage()));
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

    private static void copyHeaders(MultiMap from, MultiMap to) {
        if (to == null) {
            return;
        }
        for (var entry : from) {
            if (!HOP_BY_HOP.contains(entry.getKey().toLowerCase(Locale.ROOT))) {
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
