package com.logishift.support.kit.consumer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How a Kafka consumer waits between attempts while the database is unreachable
 * (SUPPORT_CONSUMER_RETRY_INITIAL_BACKOFF, SUPPORT_CONSUMER_RETRY_MAX_BACKOFF). It retries for as
 * long as the failure lasts; the delay doubles up to the maximum. The readiness check carries
 * {@code health-check-name} (SUPPORT_CONSUMER_RETRY_HEALTH_CHECK_NAME).
 */
@ConfigMapping(prefix = "support.consumer.retry")
public interface ConsumerRetryConfig {

    @WithDefault("PT0.2S")
    Duration initialBackoff();

    @WithDefault("PT10S")
    Duration maxBackoff();

    @WithDefault("event consumers")
    String healthCheckName();
}
