package com.logishift.support.kit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How often the metrics that cost a query are refreshed (env SUPPORT_METRICS_*). A scrape only
 * ever reads the last values, so Prometheus scraping more often costs nothing extra.
 */
@ConfigMapping(prefix = "support.metrics")
public interface MetricsConfig {

    /** Queue backlogs read from the database (outbox, mail, webhook deliveries): {@link Backlogs}. */
    @WithDefault("PT10S")
    Duration backlogInterval();

    /** Kafka consumer lag read with the Admin client ({@code consumer/ConsumerLag}). */
    @WithDefault("PT15S")
    Duration consumerLagInterval();
}
