package com.logishift.support.kit.tracing;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.quarkus.arc.Unremovable;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Where finished spans go, decided when the service starts: nowhere (the default — spans and W3C
 * propagation stay on, so outbox rows and Kafka records still carry the trace) or an OTLP collector
 * over http/protobuf. Quarkus' own OTLP exporter is left out at build time
 * ({@code quarkus.otel.exporter.otlp.enabled=false}): it can only be pointed elsewhere at run time,
 * never switched off, and would try {@code localhost:4317} everywhere no collector runs.
 *
 * <p>On: {@code SUPPORT_TRACES_EXPORTER=otlp} and {@code QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}
 * (the collector's base URL, e.g. {@code http://otel-collector:4318}; {@code /v1/traces} is added
 * when the URL has no path).
 */
@ApplicationScoped
public class TraceExport {

    private static final Logger LOG = Logger.getLogger(TraceExport.class);
    static final String TRACES_PATH = "/v1/traces";

    /** env {@code SUPPORT_TRACES_*} */
    @ConfigMapping(prefix = "support.traces")
    public interface Config {
        /** {@code none} (default) or {@code otlp}. */
        @WithDefault("none")
        String exporter();

        /** How long finished spans wait to be sent together (the SDK's batch delay). */
        @WithDefault("PT5S")
        Duration batchDelay();

        /** How long one export may take before it is given up (spans are dropped, never retried for ever). */
        @WithDefault("PT10S")
        Duration exportTimeout();
    }

    @Produces
    @Singleton
    @Unremovable // Quarkus' tracer provider takes every SpanProcessor bean
    SpanProcessor exporting(Config config,
            @ConfigProperty(name = "quarkus.otel.exporter.otlp.traces.endpoint") Optional<String> endpoint) {
        String exporter = config.exporter().trim().toLowerCase(Locale.ROOT);
        if (exporter.equals("none")) {
            return SpanProcessor.composite(); // spans are made and propagated, never sent
        }
        if (!exporter.equals("otlp")) {
            throw new IllegalStateException("support.traces.exporter must be none or otlp, not '" + config.exporter() + "'");
        }
        String url = tracesUrl(endpoint.orElseThrow(() -> new IllegalStateException(
                "support.traces.exporter=otlp needs quarkus.otel.exporter.otlp.traces.endpoint (the collector's URL)")));
        LOG.infof("Exporting traces to %s (OTLP http/protobuf)", url);
        return BatchSpanProcessor.builder(OtlpHttpSpanExporter.builder()
                        .setEndpoint(url)
                        .setTimeout(config.exportTimeout())
                        .build())
                .setScheduleDelay(config.batchDelay())
                .build(); // the SDK flushes and shuts it down with the service
    }

    /** The collector's base URL gets the OTLP traces path; a URL with a path is taken as it is. */
    static String tracesUrl(String endpoint) {
        String url = endpoint.trim();
        String path = URI.create(url).getPath();
        if (path == null || path.isEmpty() || path.equals("/")) {
            return url.replaceAll("/+$", "") + TRACES_PATH;
        }
        return url;
    }
}
