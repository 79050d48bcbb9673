package com.logishift.support.kit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RequestBody;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Requests over a size limit are refused here, first thing, with problem+json: 414 for a long URI,
 * 431 for large headers, 413 for a large body (announced by Content-Length or found while reading a
 * chunked one). A body is read completely here before any resource runs. The HTTP server's own
 * limits (quarkus.http.limits.max-initial-line-length, max-header-size) sit above these, because
 * the server itself can only answer with an empty body; what exceeds even those still gets that
 * bare 414/431.
 *
 * <p>One path of a service may be its upload path ({@code support.http.upload-path}): there, and only
 * there, a body may be as large as {@code quarkus.http.limits.max-body-size}, and multipart file parts
 * are written to temporary files (deleted when the response ends) that the resource receives as
 * {@code FileUpload}. Every other path keeps {@code support.http.max-body-size}.
 */
@ApplicationScoped
public class RequestLimits {

    /** Limits below the HTTP server's own; every key can be set by environment variable. */
    @ConfigMapping(prefix = "support.http")
    public interface Config {
        /** Longest request URI (path and query) accepted. */
        @WithDefault("16384")
        int maxUriLength();

        /** Largest total size of the request headers accepted (names, values, separators). */
        @WithDefault("20K")
        MemorySize maxHeaderSize();

        /** Largest request body on every path but the upload path; unset = quarkus.http.limits.max-body-size. */
        Optional<MemorySize> maxBodySize();

        /**
         * The one path (exact, trailing slash optional) that accepts bodies up to
         * quarkus.http.limits.max-body-size, with multipart file parts stored as temporary files.
         */
        Optional<String> uploadPath();

        /** Where those temporary files go; default: a folder in java.io.tmpdir. */
        Optional<String> uploadsDirectory();

        /**
         * How long after an upload request ended its file parts may take to complete. A multipart body
         * that ends inside a part never completes (Vert.x's body handler would wait for it until the
         * client hangs up): it is answered 400 after this.
         */
        @WithDefault("PT5S")
        Duration uploadCompletionTimeout();

        /** Admission control ({@link Admission}). */
        AdmissionConfig admission();
    }

    /** How many requests a service serves at once (env SUPPORT_HTTP_ADMISSION_*). */
    public interface AdmissionConfig {
        /** Requests served at once, streams and /q/* not counted; one more is 503. 0 = no limit. */
        @WithDefault("64")
        int maxInFlight();

        /** The Retry-After of that 503 (whole seconds, at least 1). */
        @WithDefault("PT1S")
        Duration retryAfter();
    }

    private static final Logger LOG = Logger.getLogger(RequestLimits.class);
    private static final String BODY_READ = RequestLimits.class.getName() + ".body-read";

    private final Config config;
    private final long maxBodySize;
    private final long maxUploadBodySize;
    private final String uploadPath;
    private final ObjectMapper json;

    public RequestLimits(Config config, ObjectMapper json,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize serverLimit) {
        this.config = config;
        this.json = json;
        this.maxUploadBodySize = serverLimit.asLongValue();
        this.maxBodySize = Math.min(maxUploadBodySize,
                config.maxBodySize().map(MemorySize::asLongValue).orElse(maxUploadBodySize));
        this.uploadPath = config.uploadPath().map(RequestLimits::withoutTrailingSlash).orElse(null);
    }

    void install(@Observes Router router) {
        // request bodies are read here, within the limit, before anything else sees the request
        BodyHandler body = BodyHandler.create(false).setBodyLimit(maxBodySize);
        BodyHandler upload = uploadPath == null ? null : BodyHandler.create(uploadsDirectory())
                .setBodyLimit(maxUploadBodySize).setDeleteUploadedFilesOnEnd(true);
        router.route().order(Integer.MIN_VALUE + 1)
                .handler(rc -> {
                    boolean isUpload = isUpload(rc);
                    if (isUpload && !rc.request().isEnded()) {
                        watchUpload(rc);
                    }
                    check(rc, isUpload ? upload : body, isUpload ? maxUploadBodySize : maxBodySize);
                })
                .failureHandler(this::failed);
        // reached once the body handler has read the whole body and passed the request on
        router.route().order(Integer.MIN_VALUE + 2).handler(rc -> {
            rc.put(BODY_READ, Boolean.TRUE);
            rc.next();
        });
    }

    /** Answers 400 when an upload's body has ended but its file parts do not complete (see uploadCompletionTimeout). */
    private void watchUpload(RoutingContext rc) {
        long grace = config.uploadCompletionTimeout().toNanos();
        long[] endedAt = {-1};
        rc.vertx().setPeriodic(250, timer -> {
            if (rc.get(BODY_READ) != null || rc.response().ended() || rc.response().closed()) {
                rc.vertx().cancelTimer(timer);
            } else if (rc.request().isEnded()) {
                long now = System.nanoTime();
                if (endedAt[0] < 0) {
                    endedAt[0] = now;
                } else if (now - endedAt[0] >= grace) {
                    rc.vertx().cancelTimer(timer);
                    refuse(rc, 400, "incomplete-multipart", "Bad request",
                            "The multipart body ended inside a part: its closing boundary is missing.", true);
                    // after the answer: cancelling the half-written file fails the request ("Pipe closed"),
                    // which must find the response already sent
                    rc.cancelAndCleanupFileUploads();
                }
            }
        });
    }

    private boolean isUpload(RoutingContext rc) {
        return uploadPath != null && uploadPath.equals(withoutTrailingSlash(rc.normalizedPath()));
    }

    private static String withoutTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private String uploadsDirectory() {
        return config.uploadsDirectory()
                .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "logishift-uploads").toString());
    }

    private void check(RoutingContext rc, BodyHandler body, long limit) {
        HttpServerRequest request = rc.request();
        if (request.uri().length() > config.maxUriLength()) {
            refuse(rc, 414, "uri-too-long", "URI too long",
                    "The request URI is longer than " + config.maxUriLength() + " characters.", false);
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > config.maxHeaderSize().asLongValue()) {
            refuse(rc, 431, "headers-too-large", "Request header fields too large",
                    "The request headers are larger than " + config.maxHeaderSize().asLongValue() + " bytes.", true);
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        long declared = 0;
        if (length != null) {
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared < 0) {
                refuse(rc, 400, "bad-request", "Bad request", "The Content-Length header is not a number.", true);
                return;
            }
            if (declared > limit) {
                tooLarge(rc);
                return;
            }
        }
        if (!request.isEnded() && (declared > 0 || request.headers().contains(HttpHeaders.TRANSFER_ENCODING))) {
            // the whole body (within the limit) before any resource runs: a chunked one carries no
            // length up front, and a client hanging up halfway never reaches application code
            body.handle(rc);
        } else {
            rc.next();
        }
    }

    /** Hands the body read above to the resource (REST would otherwise find the request already read). */
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 200)
    public void bufferedBody(ContainerRequestContext request, RoutingContext rc) {
        RequestBody body = rc.body();
        if (body != null && body.buffer() != null) {
            request.setEntityStream(new ByteArrayInputStream(body.buffer().getBytes()));
        }
    }

    private void failed(RoutingContext rc) {
        if (rc.response().ended()) {
            return;
        }
        // past the limit, a multipart body's file part fails with the cancelled file write ("Pipe
        // closed") before the body handler's own 413 arrives: the bytes read tell what happened
        if (rc.statusCode() == 413 || rc.request().bytesRead() > limit(rc)) {
            tooLarge(rc);
        } else if (rc.failure() != null && ClientFailures.isClientFailure(rc.failure())) {
            // the client hung up or broke off the body: nothing for an operator to fix
            LOG.debugf("Request %s ended by the client: %s", rc.normalizedPath(), rc.failure());
            refuse(rc, 400, "unreadable-request", "Bad request", "The request could not be read completely.", true);
        } else {
            rc.next();
        }
    }

    private long limit(RoutingContext rc) {
        return isUpload(rc) ? maxUploadBodySize : maxBodySize;
    }

    private void tooLarge(RoutingContext rc) {
        refuse(rc, 413, "request-entity-too-large", "Request entity too large",
                "The request body is larger than " + limit(rc) + " bytes.", true);
    }

    private void refuse(RoutingContext rc, int status, String slug, String title, String detail, boolean withPath) {
        Refusals.refuse(rc, json, Problem.of(status, slug, title, detail), withPath, true);
    }
}
