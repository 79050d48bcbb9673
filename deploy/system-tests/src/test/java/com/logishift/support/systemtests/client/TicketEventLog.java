package com.logishift.support.systemtests.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code support.ticket-events} the way another logistics service would: a plain Kafka
 * consumer with a group of its own, from the earliest offset, CloudEvents attributes from the
 * binary-mode headers.
 */
public final class TicketEventLog {

    public static final String TOPIC = "support.ticket-events";

    /** One record as read: key, the CloudEvents headers, the JSON value, and where it was. */
    public record Record(String key, Map<String, String> headers, String value, int partition, long offset) {

        public String header(String name) {
            return headers.get(name);
        }

        public String ceId() {
            return headers.get("ce_id");
        }

        public String ceType() {
            return headers.get("ce_type");
        }
    }

    private TicketEventLog() {
    }

    /**
     * Every record of the topic, read until {@code enough} holds for what was read so far (or the
     * timeout), then a little longer so that an unexpected extra record would be seen too.
     */
    public static List<Record> read(String bootstrap, Duration timeout, Predicate<List<Record>> enough) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "system-tests-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<Record> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + timeout.toNanos();
            long graceEnd = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, graceEnd)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    Map<String, String> headers = new java.util.LinkedHashMap<>();
                    for (Header header : record.headers()) {
                        headers.put(header.key(), header.value() == null ? null
                                : new String(header.value(), StandardCharsets.UTF_8));
                    }
                    records.add(new Record(record.key(), headers, record.value(), record.partition(), record.offset()));
                }
                if (graceEnd == Long.MAX_VALUE && enough.test(records)) {
                    graceEnd = System.nanoTime() + Duration.ofSeconds(1).toNanos();
                }
            }
        }
        return records;
    }
}
