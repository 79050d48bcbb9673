package com.logishift.support.kit.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Sets a record that can never be applied aside: nacked with the reason, which the channel's
 * {@code failure-strategy=dead-letter-queue} turns into a record on the dead-letter topic, and
 * counted in {@code support.consumer.dead.letters{channel}} once that send succeeded (every such
 * channel's counter exists from the start, at 0). Where {@code support.consumer.enabled=true}.
 */
@Startup // registers its metrics at start, so they read 0 rather than being absent
@ApplicationScoped
@IfBuildProperty(name = "support.consumer.enabled", stringValue = "true")
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final MeterRegistry registry;

    public DeadLetters(MeterRegistry registry, Config config) {
        this.registry = registry;
        KafkaInputs.of(config).stream().filter(KafkaInputs::deadLetters).forEach(input -> counter(input.channel()));
    }

    /** Dead-letters {@code message}, read from {@code channel}, because of {@code reason}. */
    public Uni<Void> send(String channel, Message<?> message, Throwable reason) {
        LOG.warnf("Event from %s sent to the dead-letter topic: %s", channel, reason.getMessage());
        return Uni.createFrom().completionStage(message.nack(reason))
                .invoke(() -> counter(channel).increment());
    }

    private Counter counter(String channel) {
        return registry.counter("support.consumer.dead.letters", "channel", channel);
    }
}
