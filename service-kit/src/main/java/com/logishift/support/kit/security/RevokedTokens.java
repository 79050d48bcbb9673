package com.logishift.support.kit.security;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.tracing.TracingPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import lombok.RequiredArgsConstructor;
import org.jboss.logging.Logger;

/**
 * Tokens of deactivated agents: agent-service lists them at {@code /internal/revocations}
 * ({@code {"items":[{"accountId","tokensValidAfter"}]}}), polled every
 * {@code support.revocations.refresh}. A token whose subject is listed and whose {@code iat} is not
 * after {@code tokensValidAfter} is refused, so a deactivation reaches this service within one
 * refresh. When the list cannot be fetched the last one is kept (logged once per outage; only at
 * INFO before the first success, while agent-service may still be starting).
 */
@ApplicationScoped
@IfBuildProperty(name = "support.revocations.enabled", stringValue = "true")
@RequiredArgsConstructor
public class RevokedTokens {

    private static final Logger LOG = Logger.getLogger(RevokedTokens.class);
    private static final int TIMEOUT_MILLIS = 5_000;

    private final Vertx vertx;
    private final RevocationConfig config;
    private final AtomicBoolean fetching = new AtomicBoolean();
    private HttpClient client;
    private long timer = -1;
    private volatile Map<String, Instant> validAfter = Map.of();
    private volatile boolean failing;
    private volatile boolean fetchedOnce;

    void onStart(@Observes StartupEvent start) {
        // untraced: a poll every few seconds is no one's request (agent-service leaves it out too)
        client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(TIMEOUT_MILLIS).setKeepAlive(true)
                .setTracingPolicy(TracingPolicy.IGNORE));
        refresh();
        timer = vertx.setPeriodic(Math.max(1, config.refresh().toMillis()), id -> refresh());
    }

    void onStop(@Observes ShutdownEvent stop) {
        vertx.cancelTimer(timer);
        if (client != null) {
            client.close();
        }
    }

    /** Whether a token of {@code subject} issued at {@code issuedAtSeconds} (its iat) is revoked. */
    public boolean isRevoked(String subject, long issuedAtSeconds) {
        Instant after = subject == null ? null : validAfter.get(subject);
        return after != null && !Instant.ofEpochSecond(issuedAtSeconds).isAfter(after);
    }

    private void refresh() {
        if (!fetching.compareAndSet(false, true)) {
            return; // the previous fetch is still under way
        }
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(config.url())
                .setIdleTimeout(TIMEOUT_MILLIS)
                .putHeader("Accept", "application/json");
        client.request(request)
                .compose(req -> req.send())
                .compose(response -> response.statusCode() == 200
                        ? response.body()
                        : Future.<Buffer>failedFuture("HTTP " + response.statusCode()))
                .map(RevokedTokens::parse)
                .onComplete(result -> {
                    fetching.set(false);
                    if (result.succeeded()) {
                        validAfter = result.result();
                        fetchedOnce = true;
                        if (failing) {
                            LOG.infof("Token revocation list fetched again (%d accounts)", validAfter.size());
                        }
                        failing = false;
                    } else if (!failing) {
                        failing = true;
                        // at start-up agent-service may simply not be up yet: not worth a warning
                        LOG.logf(fetchedOnce ? Logger.Level.WARN : Logger.Level.INFO,
                                "Cannot fetch the token revocation list from %s (keeping the last one, %d accounts): %s",
                                config.url(), validAfter.size(), result.cause().getMessage());
                    }
                });
    }

    private static Map<String, Instant> parse(Buffer body) {
        JsonArray items = new JsonObject(body).getJsonArray("items");
        Map<String, Instant> parsed = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            JsonObject item = items.getJsonObject(i);
            parsed.put(item.getString("accountId"), Instant.parse(item.getString("tokensValidAfter")));
        }
        return Map.copyOf(parsed);
    }
}
