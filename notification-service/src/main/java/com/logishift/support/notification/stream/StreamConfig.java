package com.logishift.support.notification.stream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Limits of the live stream (SUPPORT_NOTIFICATIONS_STREAMS_MAX_PER_ACCOUNT, …_RETRY_AFTER). */
@ConfigMapping(prefix = "support.notifications.streams")
public interface StreamConfig {

    /** Open streams one account may hold on one replica; one more is refused with 429. */
    @WithDefault("5")
    int maxPerAccount();

    /** What the 429 advises a client to wait before trying again. */
    @WithDefault("PT30S")
    Duration retryAfter();
}
