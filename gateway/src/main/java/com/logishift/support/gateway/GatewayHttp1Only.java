package com.logishift.support.gateway;

import com.logishift.support.kit.Http1Only;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The gateway speaks HTTP/1.1 to its callers too, like the services (the kit's {@link Http1Only}, whose
 * package the gateway excludes from its beans). Over an upgraded HTTP/2 (h2c) connection a small body
 * can arrive whole before {@link Proxy} has its connection to the service; Vert.x then refuses the
 * body handler ("Request has already been read") and the request hangs until the service times out.
 * Browsers use HTTP/2 only over TLS, which the ingress terminates, so nothing is lost.
 */
@ApplicationScoped
@Unremovable
public class GatewayHttp1Only extends Http1Only {
}
