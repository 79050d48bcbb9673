import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Readiness check for the local broker started by deploy/local/kafka.sh.
 *
 * <p>Waits until the broker answers, creates the missing topics, then produces one record to
 * a check topic and reads it back: a broker that passes can really serve the services.
 *
 * <pre>java -cp BROKER_CLASSPATH KafkaCheck --bootstrap 127.0.0.1:9092 --timeout 60 \
 *     --topic support.account-events:3 --topic support.notifications.dlq:1</pre>
 *
 * Exit code 0 when ready, 1 otherwise. Progress goes to stderr.
 */
public class KafkaCheck {

    /** Not a project topic, so the readiness record never reaches a service's consumer. */
    private static final String CHECK_TOPIC = "logishift.local.readiness-check";

    public static void main(String[] args) throws Exception {
        String bootstrap = null;
        long timeoutSeconds = 60;
        Map<String, Integer> topics = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--bootstrap" -> bootstrap = args[++i];
                case "--timeout" -> timeoutSeconds = Long.parseLong(args[++i]);
                case "--topic" -> {
                    String[] parts = args[++i].split(":");
                    topics.put(parts[0], parts.length > 1 ? Integer.parseInt(parts[1]) : 1);
                }
                default -> usage("unknown argument " + args[i]);
            }
        }
        if (bootstrap == null) {
            usage("--bootstrap is required");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        try {
            try (Admin admin = Admin.create(adminConfig(bootstrap))) {
                waitForBroker(admin, deadline);
                topics.put(CHECK_TOPIC, 1);
                createMissingTopics(admin, topics, deadline);
            }
            roundTrip(bootstrap, deadline);
        } catch (Exception e) {
            System.err.println("[kafka-check] FAILED: " + e);
            System.exit(1);
        }
    }

    private static void usage(String problem) {
        System.err.println("[kafka-check] " + problem);
        System.err.println("usage: KafkaCheck --bootstrap HOST:PORT [--timeout SECONDS] [--topic NAME:PARTITIONS]...");
        System.exit(2);
    }

    private static long remainingMillis(long deadline) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
            throw new IllegalStateException("timed out");
        }
        return left;
    }

    private static Properties adminConfig(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "logishift-kafka-check");
        // Short per-request timeouts: we retry ourselves until our own deadline.
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        p.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, "100");
        p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        return p;
    }

    /** The broker is up when it reports a controller and itself as a live node. */
    private static void waitForBroker(Admin admin, long deadline) throws InterruptedException {
        while (true) {
            try {
                int nodes = admin.describeCluster().nodes().get(Math.min(5000, remainingMillis(deadline)),
                        TimeUnit.MILLISECONDS).size();
                if (nodes > 0) {
                    return;
                }
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                // not reachable yet: try again until the deadline
            }
            Thread.sleep(Math.min(200, remainingMillis(deadline)));
        }
    }

    private static void createMissingTopics(Admin admin, Map<String, Integer> wanted, long deadline)
            throws Exception {
        Set<String> existing = admin.listTopics().names().get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
        List<NewTopic> missing = new ArrayList<>();
        wanted.forEach((name, partitions) -> {
            if (!existing.contains(name)) {
                missing.add(new NewTopic(name, partitions, (short) 1));
            }
        });
        if (missing.isEmpty()) {
            return;
        }
        for (NewTopic topic : missing) {
            try {
                admin.createTopics(List.of(topic)).all().get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
                if (!topic.name().equals(CHECK_TOPIC)) {
                    System.err.println("[kafka-check] created topic " + topic.name() + " (" + topic.numPartitions()
                            + " partitions)");
                }
            } catch (ExecutionException e) {
                // Another client (e.g. a service with auto-create) made it first: that is fine.
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    /** Produce one record and read it back by partition and offset (no consumer group needed). */
    private static void roundTrip(String bootstrap, long deadline) throws Exception {
        String value = UUID.randomUUID().toString();
        RecordMetadata sent;
        Properties pp = new Properties();
        pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        pp.put(ProducerConfig.CLIENT_ID_CONFIG, "logishift-kafka-check");
        pp.put(ProducerConfig.ACKS_CONFIG, "all");
        pp.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        pp.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(remainingMillis(deadline)));
        pp.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        pp.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(5000, remainingMillis(deadline))));
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(pp, new StringSerializer(), new StringSerializer())) {
            sent = producer.send(new ProducerRecord<>(CHECK_TOPIC, 0, "check", value))
                    .get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
        }

        Properties cp = new Properties();
        cp.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        cp.put(ConsumerConfig.CLIENT_ID_CONFIG, "logishift-kafka-check");
        cp.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        TopicPartition partition = new TopicPartition(CHECK_TOPIC, sent.partition());
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(cp, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, sent.offset());
            while (true) {
                for (ConsumerRecord<String, String> record :
                        consumer.poll(Duration.ofMillis(Math.min(1000, remainingMillis(deadline))))) {
                    if (value.equals(record.value())) {
                        return;
                    }
                }
            }
        }
    }
}
