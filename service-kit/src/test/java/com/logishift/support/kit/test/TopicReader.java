package com.logishift.support.kit.test;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads a topic from the beginning, as another service would, with the Kafka companion
 * ({@code io.quarkus:quarkus-test-kafka-companion}) on the broker the service under test uses
 * ({@code kafka.bootstrap.servers}).
 */
public final class TopicReader implements AutoCloseable {

    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(10);

    private final String topic;
    private final KafkaCompanion companion;
    private final ConsumerTask<String, String> consumer;

    public TopicReader(String topic) {
        this.topic = topic;
        this.companion = new KafkaCompanion(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), KAFKA_TIMEOUT);
        ensureExists();
        this.consumer = reader().fromTopics(topic);
    }

    /** Waits until {@code count} records match, or fails after the timeout with what it saw. */
    public List<ConsumerRecord<String, String>> await(Predicate<ConsumerRecord<String, String>> match, int count,
            Duration timeout) {
        try {
            return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(100))
                    .until(() -> matching(match), found -> found.size() >= count)
                    .subList(0, count);
        } catch (ConditionTimeoutException e) {
            List<ConsumerRecord<String, String>> found = matching(match);
            throw new AssertionError("expected " + count + " matching records within " + timeout + ", got "
                    + found.size() + ": " + found.stream().map(TopicReader::describe).toList());
        }
    }

    /** Every record the topic holds right now (up to its current end offsets). */
    public List<ConsumerRecord<String, String>> readToEnd() {
        Map<TopicPartition, OffsetSpec> partitions = companion.topics().describe(topic).get(topic).partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResultInfo> ends = companion.offsets().list(partitions);
        Map<TopicPartition, ListOffsetsResultInfo> starts = companion.offsets().list(partitions.keySet().stream()
                .collect(Collectors.toMap(p -> p, p -> OffsetSpec.earliest())));
        long total = ends.entrySet().stream().mapToLong(e -> e.getValue().offset() - starts.get(e.getKey()).offset())
                .sum();
        try (ConsumerTask<String, String> all = reader().fromTopics(topic, total)) {
            return all.awaitCompletion(Duration.ofSeconds(30)).getRecords();
        }
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Every header of the record by name (the last value of a repeated one), for a schema check. */
    public static Map<String, String> headers(ConsumerRecord<?, ?> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    private io.smallrye.reactive.messaging.kafka.companion.ConsumerBuilder<String, String> reader() {
        return companion.consumeStrings()
                .withGroupId("test-" + UUID.randomUUID())
                .withProp(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    }

    private List<ConsumerRecord<String, String>> matching(Predicate<ConsumerRecord<String, String>> match) {
        return consumer.getRecords().stream().filter(match).toList();
    }

    /**
     * A dead-letter topic only appears with its first record, which may come after the reader starts:
     * create it (one partition, as the broker's auto-creation would) so there is something to read.
     */
    private void ensureExists() {
        if (companion.topics().list().contains(topic)) {
            return;
        }
        try {
            companion.topics().createAndWait(topic, 1);
        } catch (RuntimeException e) {
            if (!companion.topics().list().contains(topic)) {
                throw e; // not merely created by someone else meanwhile
            }
        }
    }

    private static String describe(ConsumerRecord<String, String> r) {
        return Map.of("key", String.valueOf(r.key()), "type", String.valueOf(header(r, "ce_type"))).toString();
    }

    @Override
    public void close() {
        consumer.close();
        companion.close();
    }
}
