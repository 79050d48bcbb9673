package com.logishift.support.ticket.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where the token revocation list comes from and how often (env SUPPORT_REVOCATIONS_URL, _REFRESH). */
@ConfigMapping(prefix = "support.revocations")
public interface RevocationConfig {

    /** agent-service's internal list; not routed by the gateway. */
    @WithDefault("http://127.0.0.1:8081/internal/revocations")
    String url();

    /** How often it is fetched: a deactivated agent's tokens stop working within this time. */
    @WithDefault("PT20S")
    Duration refresh();
}
