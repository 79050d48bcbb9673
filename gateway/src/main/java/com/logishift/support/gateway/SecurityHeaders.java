package com.logishift.support.gateway;

import com.logishift.support.kit.tracing.Traces;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.regex.Pattern;

/** Request id (kept if the caller sent a sane one) and security headers on every response, API or web UI. */
@ApplicationScoped
public class SecurityHeaders {

    public static final String REQUEST_ID = "X-Request-Id";
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /**
     * For the pages of the web UI (served by Quinoa from the same origin as the API). blob: images are
     * attachment thumbnails (their bytes need the bearer token, so the UI fetches them and shows object
     * URLs) and previews of files being uploaded.
     */
    static final String UI_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** The request id of this exchange (set by {@link #handle} before anything else runs). */
    static String requestId(RoutingContext rc) {
        return rc.get(REQUEST_ID);
    }

    void handle(RoutingContext rc) {
        String incoming = rc.request().getHeader(REQUEST_ID);
        String requestId = incoming != null && SAFE_REQUEST_ID.matcher(incoming).matches()
                ? incoming : UUID.randomUUID().toString();
        rc.put(REQUEST_ID, requestId);
        Traces.tagRequestId(requestId); // on the gateway's server span, the root of the request's trace
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
}
