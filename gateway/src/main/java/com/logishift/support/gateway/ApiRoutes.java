package com.logishift.support.gateway;

import com.logishift.support.gateway.RateLimits.Limit;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Every /api request: matched to its service ({@link RouteTable}), admitted ({@link RouteAdmission}),
 * rate-limited, authenticated unless public, then handed to the {@link Proxy}. 404 for a path no
 * service owns, 503 when its route class is full, 401 for a missing or invalid token, 429 over a
 * limit — all problem+json, before any service sees it.
 */
@ApplicationScoped
public class ApiRoutes {

    private final EdgeAuthenticator authenticator;
    private final RateLimits rateLimits;
    private final RouteAdmission admission;
    private final Proxy proxy;

    public ApiRoutes(EdgeAuthenticator authenticator, RateLimits rateLimits, RouteAdmission admission, Proxy proxy) {
        this.authenticator = authenticator;
        this.rateLimits = rateLimits;
        this.admission = admission;
        this.proxy = proxy;
    }

    void handle(RoutingContext rc) {
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
        Optional<RouteTable.Match> found = RouteTable.match(request.method().name(), path);
        if (found.isEmpty()) {
            Problems.send(rc.response(), 404, "not-found", "Not found", "No API at this path.", path);
            return;
        }
        RouteTable.Match match = found.get();
        if (!admission.admitted(rc, match)) {
            return;
        }
        RouteTable.Access access = match.access();
        String clientIp = ClientAddress.of(request);
        if (access == RouteTable.Access.PUBLIC_AUTH && !rateLimits.allowed(rc, Limit.SIGN_IN, "ip:" + clientIp)) {
            return;
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (access == RouteTable.Access.PUBLIC || access == RouteTable.Access.PUBLIC_AUTH) {
            // public routes pass with or without a token; a signed-in caller is still limited per account
            if (authorization == null) {
                if (access == RouteTable.Access.PUBLIC && !rateLimits.allowed(rc, Limit.PUBLIC, "ip:" + clientIp)) {
                    return;
                }
                proxy.forward(rc, match.backend(), path, match.stream());
                return;
            }
        }
        if (access == RouteTable.Access.STREAM && authorization == null && request.getParam("ticket") != null) {
            // a browser's EventSource: notification-service redeems the one-time ticket itself
            proxy.forward(rc, match.backend(), path, match.stream());
            return;
        }
        authenticator.verify(authorization).onComplete(result -> {
            Optional<String> subject = result.succeeded() ? result.result() : Optional.empty();
            if (subject.isEmpty()) {
                if (access == RouteTable.Access.PUBLIC) {
                    proxy.forward(rc, match.backend(), path, match.stream()); // the service ignores it or refuses
                    return;
                }
                rc.response().putHeader("WWW-Authenticate", "Bearer");
                Problems.send(rc.response(), 401, "unauthorized", "Unauthorized",
                        authorization == null ? "A bearer token is required."
                                : "The bearer token is invalid or expired.", path);
                return;
            }
            if (!rateLimits.allowed(rc, Limit.ACCOUNT, "sub:" + subject.get())) {
                return;
            }
            proxy.forward(rc, match.backend(), path, match.stream());
        });
    }
}
