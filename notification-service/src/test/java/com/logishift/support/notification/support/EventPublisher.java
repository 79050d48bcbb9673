package com.logishift.support.notification.support;

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

/** Publishes events the way ticket-service and agent-service do: binary CloudEvents, keyed by aggregate id. */
public final class EventPublisher implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public EventPublisher() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    public static String ticketTopic() {
        return ConfigProvider.getConfig().getValue("mp.messaging.incoming.ticket-events.topic", String.class);
    }

    public static String accountTopic() {
        return ConfigProvider.getConfig().getValue("mp.messaging.incoming.account-events.topic", String.class);
    }

    /** Sends one CloudEvent; returns its id. */
    public String send(String topic, String eventId, String type, UUID key, String data) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, null, key.toString(), data, List.of(
                header("ce_specversion", "1.0"), header("ce_id", eventId), header("ce_type", type),
                header("ce_source", "/logishift/support/test"), header("ce_subject", key.toString()),
                header("ce_time", Instant.now().toString()), header("content-type", "application/json")));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return eventId;
    }

    public String account(String type, UUID accountId, String role, String status, String name) {
        return send(accountTopic(), UUID.randomUUID().toString(), type, accountId,
                "{\"accountId\":\"" + accountId + "\",\"role\":\"" + role + "\",\"status\":\"" + status
                        + "\",\"name\":\"" + name + "\",\"email\":\"" + accountId + "@example.com\"}");
    }

    public void raw(String topic, UUID key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key.toString(), value)).get();
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
