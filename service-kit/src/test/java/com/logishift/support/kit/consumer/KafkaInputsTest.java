package com.logishift.support.kit.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

/** The incoming Kafka channels as the metrics see them: topic and group with Quarkus' defaults, dead letters or not. */
class KafkaInputsTest {

    @Test
    void eachIncomingKafkaChannelWithItsTopicGroupAndFailureStrategy() {
        Config config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of(
                "quarkus.application.name", "some-service",
                "mp.messaging.incoming.orders.connector", "smallrye-kafka",
                "mp.messaging.incoming.orders.topic", "shop.orders",
                "mp.messaging.incoming.orders.group.id", "billing",
                "mp.messaging.incoming.orders.failure-strategy", "dead-letter-queue",
                "mp.messaging.incoming.parcels.connector", "smallrye-kafka",
                "mp.messaging.incoming.memory.connector", "smallrye-in-memory",
                "mp.messaging.outgoing.outbox.connector", "smallrye-kafka"), "test", 100)).build();
        assertEquals(List.of(new KafkaInputs("orders", "shop.orders", "billing", true),
                        new KafkaInputs("parcels", "parcels", "some-service", false)),
                KafkaInputs.of(config));
    }
}
