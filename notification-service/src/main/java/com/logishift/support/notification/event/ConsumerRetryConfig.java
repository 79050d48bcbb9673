package com.logishift.support.notification.event;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How the event consumers wait between attempts while the database is unreachable
 * (SUPPORT_CONSUMER_RETRY_INITIAL_BACKOFF, SUPPORT_CONSUMER_RETRY_MAX_BACKOFF). They retry for as
 * long as the failure lasts; the delay doubles up to the maximum.
 */
@ConfigMapping(prefix = "support.consumer.retry")
public interface ConsumerRetryConfig {

    @WithDefault("PT0.2S")
    Duration initialBackoff();

    @WithDefault("PT10S")
    Duration maxBackoff();
}
