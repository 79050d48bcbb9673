package com.logishift.support.ticket.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Publishes account events the way agent-service does (binary CloudEvents keyed by account id). */
public final class AccountEventsPublisher implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final String topic;

    public AccountEventsPublisher() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        topic = ConfigProvider.getConfig().getValue("mp.messaging.incoming.account-events.topic", String.class);
    }

    public String registeredAgent(UUID id, String name) {
        return send(UUID.randomUUID().toString(), "com.logishift.support.account.registered.v1", id,
                "{\"accountId\":\"" + id + "\",\"email\":\"" + id + "@example.com\",\"name\":\"" + name
                        + "\",\"role\":\"agent\",\"status\":\"PENDING\",\"registeredAt\":\"" + Instant.now() + "\"}");
    }

    public String approved(UUID id, String name) {
        return send(UUID.randomUUID().toString(), "com.logishift.support.agent.approved.v1", id,
                "{\"accountId\":\"" + id + "\",\"email\":\"" + id + "@example.com\",\"name\":\"" + name
                        + "\",\"approvedBy\":\"" + UUID.randomUUID() + "\",\"approvedAt\":\"" + Instant.now() + "\"}");
    }

    public String deactivated(UUID id, String name, UUID by) {
        return send(UUID.randomUUID().toString(), "com.logishift.support.agent.deactivated.v1", id,
                "{\"accountId\":\"" + id + "\",\"email\":\"" + id + "@example.com\",\"name\":\"" + name
                        + "\",\"deactivatedBy\":\"" + by + "\",\"deactivatedAt\":\"" + Instant.now() + "\"}");
    }

    public String reactivated(UUID id, String name, UUID by) {
        return send(UUID.randomUUID().toString(), "com.logishift.support.agent.reactivated.v1", id,
                "{\"accountId\":\"" + id + "\",\"email\":\"" + id + "@example.com\",\"name\":\"" + name
                        + "\",\"reactivatedBy\":\"" + by + "\",\"reactivatedAt\":\"" + Instant.now() + "\"}");
    }

    /** Sends a raw record; {@code eventId} lets a test deliver the same event twice. */
    public String send(String eventId, String type, UUID key, String data) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, null, key.toString(), data, List.of(
                header("ce_specversion", "1.0"), header("ce_id", eventId), header("ce_type", type),
                header("ce_source", "/logishift/support/agent-service"), header("ce_subject", key.toString()),
                header("ce_time", Instant.now().toString()), header("content-type", "application/json")));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return eventId;
    }

    /** A record that is not a CloudEvent at all. */
    public void sendGarbage(UUID key) {
        try {
            producer.send(new ProducerRecord<>(topic, key.toString(), "not json {")).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
