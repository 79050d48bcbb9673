package com.logishift.support.ticket;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Typed configuration of ticket-service; every key can be set by environment variable. */
@ConfigMapping(prefix = "support")
public interface SupportConfig {

    Outbox outbox();

    interface Outbox {
        /** How often the relay looks for unpublished events when no commit woke it. */
        @WithDefault("PT1S")
        Duration pollInterval();

        @WithDefault("200")
        int batchSize();

        /** Published rows older than this are deleted. */
        @WithDefault("P7D")
        Duration retention();
    }
}
