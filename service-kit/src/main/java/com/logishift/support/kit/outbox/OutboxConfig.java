package com.logishift.support.kit.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The transactional outbox of an event-producing service (env SUPPORT_OUTBOX_*). The Kafka topic
 * and producer settings are those of the channel {@value OutboxRelay#CHANNEL}
 * ({@code mp.messaging.outgoing.outbox.*}) in the service's own configuration.
 */
@ConfigMapping(prefix = "support.outbox")
public interface OutboxConfig {

    /**
     * Whether this service has an outbox at all; read at build time. agent- and ticket-service set
     * it to true (and own an {@code outbox_event} table); the others keep it off.
     */
    @WithDefault("false")
    boolean enabled();

    /** CloudEvent {@code source} of every event this service publishes. */
    @WithDefault("/logishift/support/${quarkus.application.name}")
    String source();

    /** How often the relay looks for unpublished events when no commit woke it. */
    @WithDefault("PT1S")
    Duration pollInterval();

    /**
     * How long after a commit the woken relay runs: a few milliseconds let one run collect the
     * events of several commits made at about the same time.
     */
    @WithDefault("PT0.005S")
    Duration wakeDelay();

    @WithDefault("200")
    int batchSize();

    /** Published rows older than this are deleted. */
    @WithDefault("P7D")
    Duration retention();
}
