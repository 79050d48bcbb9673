package com.logishift.support.ticket.sla;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The SLA job; every key can be set by environment variable (SUPPORT_SLA_CHECK_INTERVAL…). */
@ConfigMapping(prefix = "support.sla")
public interface SlaConfig {

    /** How often each replica looks for clocks that reached 80 % or 100 % of their target. */
    @WithDefault("30s")
    Duration checkInterval();

    /** Tickets claimed per transaction of a pass. */
    @WithDefault("200")
    int batchSize();
}
