package com.logishift.support.notification.webhook;

import com.logishift.support.kit.Backlogs;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * How webhooks are doing: {@code support.webhook.deliveries{outcome}} per recorded attempt (delivered,
 * failed and retried later, or gave_up), {@code support.webhook.endpoints.disabled} (410 or failing
 * too long), {@code support.webhook.recorded.batch} (successes recorded per statement), and the
 * queue of enabled endpoints as gauges {@code support.webhook.pending} and
 * {@code support.webhook.oldest.pending.seconds} (a disabled endpoint's deliveries wait for an admin
 * and are left out: the disabled counter tells about them).
 */
@Startup // registers its metrics at start, so they read 0 rather than being absent
@ApplicationScoped
public class WebhookMetrics {

    private final Map<String, Counter> deliveries;
    private final Counter disabled;
    private final DistributionSummary batches;

    public WebhookMetrics(MeterRegistry metrics, Backlogs backlogs) {
        deliveries = Map.of("DELIVERED", outcome(metrics, "delivered"), "PENDING", outcome(metrics, "failed"),
                "FAILED", outcome(metrics, "gave_up"));
        disabled = metrics.counter("support.webhook.endpoints.disabled");
        batches = DistributionSummary.builder("support.webhook.recorded.batch").baseUnit("deliveries")
                .description("successes recorded per statement").register(metrics);
        backlogs.watch("queued webhook deliveries", "webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id",
                "d.status = 'PENDING' AND e.enabled", "d.created_at",
                "support.webhook.pending", "support.webhook.oldest.pending.seconds");
    }

    /** An attempt's outcome committed; {@code status} is what the delivery became (PENDING: retried later). */
    void attempted(String status) {
        deliveries.get(status).increment();
    }

    /** {@code count} attempts of that outcome committed at once. */
    void attempted(String status, int count) {
        deliveries.get(status).increment(count);
    }

    /** A batch of successes written in one statement (its size). */
    void recordedBatch(int size) {
        batches.record(size);
    }

    /** Endpoints switched off by an attempt that committed. */
    void disabled(int endpoints) {
        disabled.increment(endpoints);
    }

    private static Counter outcome(MeterRegistry metrics, String outcome) {
        return metrics.counter("support.webhook.deliveries", "outcome", outcome);
    }
}
