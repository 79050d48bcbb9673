package com.logishift.support.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;

/**
 * Size limits of a request, refused with problem+json before anything reaches a service: the
 * request target (414), the header section (431) and the body (413; 64 KiB, 10 MiB + 64 KiB for a
 * file upload; a chunked body is counted while it streams, see {@link Proxy}).
 * <p>
 * Vert.x itself refuses request lines and header sections over {@code quarkus.http.limits.*} with
 * an empty body and no way to change that answer, so those hard limits are set well above the
 * gateway's own (application.properties): everything between the two gets this problem+json.
 */
@ApplicationScoped
public class RequestLimits {

    /** After a refusal, what the caller is still sending is read and dropped up to this much ... */
    static final long LINGER_BYTES = 2 * 1024 * 1024;
    /** ... or for this long, then the connection closes: closing at once could turn the answer into a TCP reset. */
    static final long LINGER_MILLIS = 3000;

    /** Where files are uploaded (ticket-service's attachments): the one path with the larger body limit. */
    static final String UPLOAD_PATH = "/api/support/attachments";

    private final GatewayConfig.Gateway config;
    private final Vertx vertx;

    public RequestLimits(GatewayConfig config, Vertx vertx) {
        this.config = config.gateway();
        this.vertx = vertx;
    }

    void install(@Observes Router router) {
        // right after the request id and security headers (order -100), before anything else
        router.route().order(-99).handler(this::check);
    }

    private void check(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        if (request.uri().length() > config.maxUriLength()) {
            refuse(rc, 414, "uri-too-long", "URI too long",
                    "The request target is longer than " + config.maxUriLength() + " characters.");
            return;
        }
        if (headerBytes(request) > config.maxHeaderBytes()) {
            refuse(rc, 431, "request-header-fields-too-large", "Request header fields too large",
                    "The request headers are larger than " + config.maxHeaderBytes() + " bytes.");
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && tooLarge(length, bodyLimit(rc))) {
            refuseBody(rc);
            return;
        }
        rc.next();
    }

    /**
     * The largest body this request may have; the one place to decide it (the Content-Length check
     * here and the count of a streamed body in {@link Proxy} both ask). A file upload may be larger
     * than anything else; every other request keeps the small limit.
     */
    long bodyLimit(RoutingContext rc) {
        return isUpload(rc) ? config.uploadMaxBodyBytes() : config.maxBodyBytes();
    }

    private static boolean isUpload(RoutingContext rc) {
        String path = rc.normalizedPath();
        return rc.request().method() == HttpMethod.POST
                && (path.equals(UPLOAD_PATH) || path.equals(UPLOAD_PATH + "/"));
    }

    private static long headerBytes(HttpServerRequest request) {
        long bytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            bytes += header.getKey().length() + header.getValue().length() + 4; // ": " and CRLF
        }
        return bytes;
    }

    private static boolean tooLarge(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.strip()) > limit;
        } catch (NumberFormatException e) {
            return true; // Netty refuses malformed lengths before us; anything odd left is not passed on
        }
    }

    /** 413 for a body over the limit, whether announced by Content-Length or found while streaming. */
    void refuseBody(RoutingContext rc) {
        refuse(rc, 413, "payload-too-large", "Payload too large",
                "The request body is larger than " + bodyLimit(rc) + " bytes.");
    }

    /**
     * Answers with problem+json and closes the connection afterwards (the rest of the request is
     * not read); a caller still sending its body gets a moment to finish, so it reads the answer.
     */
    private void refuse(RoutingContext rc, int status, String slug, String title, String detail) {
        HttpServerRequest request = rc.request();
        rc.response().putHeader(HttpHeaders.CONNECTION, "close");
        Problems.send(rc.response(), status, slug, title, detail, rc.normalizedPath())
                .onComplete(sent -> closeAfterLinger(request));
    }

    private void closeAfterLinger(HttpServerRequest request) {
        if (request.isEnded()) {
            request.connection().close();
            return;
        }
        long timer = vertx.setTimer(LINGER_MILLIS, id -> request.connection().close());
        long[] dropped = {0};
        request.handler(chunk -> {
            dropped[0] += chunk.length();
            if (dropped[0] > LINGER_BYTES) {
                vertx.cancelTimer(timer);
                request.connection().close();
            }
        });
        request.endHandler(v -> {
            vertx.cancelTimer(timer);
            request.connection().close();
        });
        request.exceptionHandler(e -> vertx.cancelTimer(timer));
        request.resume();
    }
}
