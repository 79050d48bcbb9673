package com.logishift.support.kit.test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Publishes events the way the services' outbox relays do: binary-mode CloudEvents (ce_ headers, the
 * JSON data as value) keyed by aggregate id, to the broker the service under test uses
 * ({@code kafka.bootstrap.servers}), each send acknowledged by all replicas before it returns.
 */
public class CloudEventPublisher implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public CloudEventPublisher() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** The topic the service reads on this incoming channel (its {@code mp.messaging.incoming.*.topic}). */
    public static String incomingTopic(String channel) {
        return ConfigProvider.getConfig().getValue("mp.messaging.incoming." + channel + ".topic", String.class);
    }

    /** Sends one CloudEvent; {@code eventId} lets a test deliver the same event twice. Returns the id. */
    public String publish(String topic, String eventId, String type, String source, UUID key, String data) {
        return publish(topic, eventId, type, source, key, data, Map.of());
    }

    /** {@link #publish} with more headers, e.g. the {@code traceparent} of the trace the event continues. */
    public String publish(String topic, String eventId, String type, String source, UUID key, String data,
            Map<String, String> moreHeaders) {
        List<Header> headers = new ArrayList<>(List.of(
                header("ce_specversion", "1.0"), header("ce_id", eventId), header("ce_type", type),
                header("ce_source", source), header("ce_subject", key.toString()),
                header("ce_time", Instant.now().toString()), header("content-type", "application/json")));
        moreHeaders.forEach((name, value) -> headers.add(header(name, value)));
        send(new ProducerRecord<>(topic, null, key.toString(), data, headers));
        return eventId;
    }

    /** A record without any CloudEvent header, e.g. garbage a consumer must dead-letter. */
    public void raw(String topic, UUID key, String value) {
        send(new ProducerRecord<>(topic, key.toString(), value));
    }

    private void send(ProducerRecord<String, String> record) {
        try {
            producer.send(record).get();
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
