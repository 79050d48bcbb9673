package com.logishift.support.kit.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where the token revocation list comes from and how often (env SUPPORT_REVOCATIONS_URL, _REFRESH). */
@ConfigMapping(prefix = "support.revocations")
public interface RevocationConfig {

    /**
     * Whether this service refuses revoked tokens at all; read at build time. The services that
     * verify agent-service's tokens set it to true; agent-service, the issuer, keeps it off.
     */
    @WithDefault("false")
    boolean enabled();

    /** agent-service's internal list; not routed by the gateway. */
    @WithDefault("http://127.0.0.1:8081/internal/revocations")
    String url();

    /** How often it is fetched: a deactivated agent's tokens stop working within this time. */
    @WithDefault("PT20S")
    Duration refresh();
}
