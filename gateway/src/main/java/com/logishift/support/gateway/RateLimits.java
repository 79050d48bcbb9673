package com.logishift.support.gateway;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;

/**
 * The gateway's three rate limits ({@code support.gateway.rate-limit.*}): sign-in and sign-up per
 * client address, anonymous public requests per client address, everything signed in per account.
 * A request over its limit is answered 429 problem+json with Retry-After.
 */
@ApplicationScoped
public class RateLimits {

    /** Which limit a request counts against. */
    enum Limit {
        SIGN_IN, PUBLIC, ACCOUNT
    }

    private final RateLimiter signIn;
    private final RateLimiter anonymous;
    private final RateLimiter account;
    private final boolean enabled;

    public RateLimits(GatewayConfig config) {
        GatewayConfig.RateLimit rates = config.gateway().rateLimit();
        this.signIn = new RateLimiter(rates.authPerMinute(), rates.authPerMinute() / 60d);
        this.anonymous = new RateLimiter(rates.publicPerSecond() * 2d, rates.publicPerSecond());
        this.account = new RateLimiter(rates.accountBurst(), rates.accountPerSecond());
        this.enabled = rates.enabled().orElse(true);
    }

    void evictIdleBuckets(@Observes StartupEvent start, Vertx vertx) {
        vertx.setPeriodic(60_000, id -> {
            long now = System.nanoTime();
            signIn.evictIdle(now);
            anonymous.evictIdle(now);
            account.evictIdle(now);
        });
    }

    /** Takes a token from the limiter, or answers 429 with Retry-After and returns false. */
    boolean allowed(RoutingContext rc, Limit limit, String key) {
        if (!enabled) {
            return true;
        }
        RateLimiter limiter = switch (limit) {
            case SIGN_IN -> signIn;
            case PUBLIC -> anonymous;
            case ACCOUNT -> account;
        };
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
}
