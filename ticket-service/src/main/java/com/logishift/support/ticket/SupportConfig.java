package com.logishift.support.ticket;

import io.smallrye.config.ConfigMapping;

/**
 * Typed configuration of ticket-service; every key can be set by environment variable. The outbox
 * relay's settings ({@code support.outbox.*}) are service-kit's {@code outbox/OutboxConfig}.
 */
@ConfigMapping(prefix = "support")
public interface SupportConfig {
}
