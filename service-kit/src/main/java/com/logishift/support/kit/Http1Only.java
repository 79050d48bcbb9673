package com.logishift.support.kit;

import io.quarkus.arc.Unremovable;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The services speak HTTP/1.1 only: a request asking to upgrade to HTTP/2 ({@code Upgrade: h2c}, as
 * curl --http2 sends it) is simply served over HTTP/1.1, and TLS offers no h2. {@link RequestLimits}
 * reads every body before the REST layer runs, and Vert.x's HTTP/2 request refuses the REST layer's
 * {@code pause()} once its body was read ("Request has already been read", a 500). Only the gateway,
 * which is HTTP/1.1 to the services anyway, faces clients that may prefer HTTP/2.
 */
@ApplicationScoped
@Unremovable
public class Http1Only implements HttpServerOptionsCustomizer {

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setHttp2ClearTextEnabled(false);
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        options.setUseAlpn(false);
    }
}
