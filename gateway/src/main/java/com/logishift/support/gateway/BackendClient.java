package com.logishift.support.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.tracing.TracingPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One pooled HTTP/1.1 client for all backends (keep-alive connections, bounded pool per backend). */
@ApplicationScoped
public class BackendClient {

    @Produces
    @Singleton
    HttpClient client(Vertx vertx, GatewayConfig config) {
        HttpClientOptions options = new HttpClientOptions()
                .setKeepAlive(true)
                .setConnectTimeout((int) config.gateway().connectTimeout().toMillis())
                .setDecompressionSupported(false)
                // untraced: Proxy passes the gateway's span on itself (a CLIENT span per proxied call
                // would only repeat the service's own), and the health polls are no one's request
                .setTracingPolicy(TracingPolicy.IGNORE);
        return vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(64).setMaxWaitQueueSize(1024));
    }

    void close(@Disposes HttpClient client) {
        client.close();
    }
}
