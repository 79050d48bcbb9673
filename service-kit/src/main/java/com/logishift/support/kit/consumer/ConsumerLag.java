package com.logishift.support.kit.consumer;

import com.logishift.support.kit.MetricsConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * {@code support.consumer.lag.records{group,topic}} for each incoming Kafka channel: the records its
 * consumer group has not committed yet (end offset minus committed offset, summed over the
 * partitions; a partition without a commit counts from its first record). Measured every
 * {@code support.metrics.consumer-lag-interval} with one Admin client (the service's own Kafka
 * settings) on its own thread, never on a scrape; while Kafka is away the gauges keep their last
 * values. Unlike the client's own {@code kafka_consumer_fetch_manager_records_lag}, it still tells
 * the truth when the consumer is stuck or gone. Where {@code support.consumer.enabled=true}.
 */
@ApplicationScoped
@IfBuildProperty(name = "support.consumer.enabled", stringValue = "true")
public class ConsumerLag {

    private static final Logger LOG = Logger.getLogger(ConsumerLag.class);
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(10);

    private record Subscription(String group, String topic) {
    }

    private final Admin admin;
    private final MetricsConfig config;
    private final Map<Subscription, AtomicLong> lags = new LinkedHashMap<>();
    private volatile boolean failing;
    private ScheduledExecutorService executor;

    public ConsumerLag(@Identifier("default-kafka-broker") Map<String, Object> kafka, Config config,
            MeterRegistry registry, MetricsConfig metrics) {
        this.config = metrics;
        Map<String, Object> settings = new HashMap<>();
        kafka.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                settings.put(key, value);
            }
        });
        settings.put(AdminClientConfig.CLIENT_ID_CONFIG,
                config.getOptionalValue("quarkus.application.name", String.class).orElse("support") + "-consumer-lag");
        this.admin = Admin.create(settings);
        for (KafkaInputs input : KafkaInputs.of(config)) {
            lags.computeIfAbsent(new Subscription(input.group(), input.topic()), subscription -> {
                AtomicLong lag = new AtomicLong();
                Gauge.builder("support.consumer.lag.records", lag, AtomicLong::get)
                        .description("Records the consumer group has not committed yet")
                        .tags("group", subscription.group(), "topic", subscription.topic())
                        .register(registry);
                return lag;
            });
        }
    }

    void start(@Observes StartupEvent start) {
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "consumer-lag");
            thread.setDaemon(true);
            return thread;
        });
        long interval = Math.max(1, config.consumerLagInterval().toMillis());
        executor.scheduleWithFixedDelay(this::refresh, 0, interval, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stop) {
        if (executor != null) {
            executor.shutdownNow();
        }
        admin.close(Duration.ofSeconds(1));
    }

    private void refresh() {
        try {
            for (Map.Entry<Subscription, AtomicLong> entry : lags.entrySet()) {
                entry.getValue().set(measure(entry.getKey().group(), entry.getKey().topic()));
            }
            if (failing) {
                failing = false;
                LOG.info("Consumer lag can be measured again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // once per outage: Kafka being away shows in readiness too
            if (!failing) {
                failing = true;
                LOG.warnf("Could not measure the consumer lag (the gauges keep their last values): %s", e.toString());
            }
        }
    }

    /**
     * The records {@code group} has not committed on {@code topic}, 0 for a topic that does not exist
     * yet. Blocking (Admin calls): never on an event loop.
     */
    public long measure(String group, String topic) throws InterruptedException, ExecutionException, TimeoutException {
        TopicDescription description;
        try {
            description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return 0;
            }
            throw e;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        for (TopicPartitionInfo info : description.partitions()) {
            TopicPartition partition = new TopicPartition(topic, info.partition());
            latest.put(partition, OffsetSpec.latest());
            if (committed.get(partition) == null) {
                earliest.put(partition, OffsetSpec.earliest());
            }
        }
        Map<TopicPartition, ListOffsetsResultInfo> ends = offsets(latest);
        Map<TopicPartition, ListOffsetsResultInfo> starts = offsets(earliest);
        long lag = 0;
        for (TopicPartition partition : latest.keySet()) {
            OffsetAndMetadata commit = committed.get(partition);
            long from = commit != null ? commit.offset() : starts.get(partition).offset();
            lag += Math.max(0, ends.get(partition).offset() - from);
        }
        return lag;
    }

    private Map<TopicPartition, ListOffsetsResultInfo> offsets(Map<TopicPartition, OffsetSpec> specs)
            throws InterruptedException, ExecutionException, TimeoutException {
        return specs.isEmpty() ? Map.of()
                : admin.listOffsets(specs).all().get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
