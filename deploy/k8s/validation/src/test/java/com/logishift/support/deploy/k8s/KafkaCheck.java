package com.logishift.support.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Kafka wiring, from the services' own channel configuration to Strimzi's resources:
 * <ul>
 * <li>KAFKA_BOOTSTRAP_SERVERS is the bootstrap Service of a Kafka in the output, on a listener port,
 *     and the client security settings match that listener (TLS, SCRAM-SHA-512);</li>
 * <li>the credentials come from the Secret of a KafkaUser of the output, whose ACLs are exactly
 *     what the service's channels need: Write+Describe on the topics it produces to (dead-letter
 *     topics included), Read+Describe on the topics it consumes, Read on its consumer group;</li>
 * <li>every topic a service uses is a KafkaTopic; KafkaUsers no service uses may only read;</li>
 * <li>replication fits the brokers the node pools provide (replicas <= brokers, min.insync.replicas
 *     <= replicas).</li>
 * </ul>
 */
final class KafkaCheck {

    static final String CHECK = "kafka";

    /** "topic support.ticket-events literal Write" */
    record Acl(String type, String name, String pattern, String operation) {
        @Override
        public String toString() {
            return operation + " on " + type + " " + name + ("literal".equals(pattern) ? "" : " (" + pattern + ")");
        }
    }

    private KafkaCheck() {
    }

    static void check(List<Manifest> all, Finding.Report report) {
        Set<String> usedUsers = new TreeSet<>();
        for (Manifest workload : all) {
            Optional<ServiceSources> known = ServiceSources.ofDeployment(workload);
            if (known.isEmpty()) {
                continue;
            }
            ServiceSources sources = known.get();
            for (JsonNode container : Manifest.each(workload.podTemplate().orElseThrow().path("spec").path("containers"))) {
                Map<String, ContainerEnv.Variable> env = ContainerEnv.of(container, all);
                if (sources.usesKafka()) {
                    client(workload, container, env, sources, all, report).ifPresent(usedUsers::add);
                } else if (env.containsKey("KAFKA_BOOTSTRAP_SERVERS")) {
                    report.add(CHECK, workload, sources.service() + " uses no Kafka but is given KAFKA_BOOTSTRAP_SERVERS");
                }
            }
        }
        for (Manifest user : all) {
            if (user.is("KafkaUser") && !usedUsers.contains(user.name())) {
                for (Acl acl : granted(user)) {
                    if (!Set.of("Read", "Describe").contains(acl.operation())) {
                        report.add(CHECK, user, "is no service's user, so it is meant for other systems, which may only read; it grants " + acl);
                    }
                }
            }
        }
        replication(all, report);
    }

    /** Checks one Kafka client container; returns the KafkaUser it authenticates as. */
    private static Optional<String> client(Manifest workload, JsonNode container, Map<String, ContainerEnv.Variable> env,
                                           ServiceSources sources, List<Manifest> all, Finding.Report report) {
        String where = "container " + container.path("name").asText() + ": ";
        ContainerEnv.Variable bootstrap = env.get("KAFKA_BOOTSTRAP_SERVERS");
        if (bootstrap == null || bootstrap.value() == null) {
            report.add(CHECK, workload, where + sources.service() + " uses Kafka but KAFKA_BOOTSTRAP_SERVERS is not set");
            return Optional.empty();
        }
        String first = bootstrap.value().split(",")[0].trim();
        String host = first.contains(":") ? first.substring(0, first.lastIndexOf(':')) : first;
        int port = first.contains(":") ? Integer.parseInt(first.substring(first.lastIndexOf(':') + 1)) : 9092;
        String shortHost = host.split("\\.")[0];
        Optional<Manifest> kafka = all.stream().filter(m -> m.is("Kafka") && shortHost.equals(m.name() + "-kafka-bootstrap")).findFirst();
        if (kafka.isEmpty()) {
            report.add(CHECK, workload, where + "KAFKA_BOOTSTRAP_SERVERS " + first + " is not the bootstrap Service of a Kafka in the output");
            return Optional.empty();
        }
        JsonNode listener = null;
        for (JsonNode l : Manifest.each(kafka.get().node().path("spec").path("kafka").path("listeners"))) {
            if (l.path("port").asInt() == port) {
                listener = l;
            }
        }
        if (listener == null) {
            report.add(CHECK, workload, where + "port " + port + " is no listener of Kafka " + kafka.get().name());
            return Optional.empty();
        }
        boolean tls = listener.path("tls").asBoolean(false);
        String auth = listener.path("authentication").path("type").asText("");
        String expectedProtocol = (auth.equals("scram-sha-512") ? "SASL_" : "") + (tls ? "SSL" : "PLAINTEXT");
        String protocol = Optional.ofNullable(env.get("KAFKA_SECURITY_PROTOCOL")).map(ContainerEnv.Variable::value).orElse("PLAINTEXT");
        if (!expectedProtocol.equals(protocol) && !(auth.equals("tls") && protocol.equals("SSL"))) {
            report.add(CHECK, workload, where + "KAFKA_SECURITY_PROTOCOL is " + protocol + ", listener " + listener.path("name").asText()
                    + " (tls: " + tls + ", authentication: " + (auth.isEmpty() ? "none" : auth) + ") needs " + expectedProtocol);
        }
        if (tls) {
            truststore(workload, container, env, kafka.get().name(), where, report);
        }
        if (!auth.equals("scram-sha-512")) {
            return Optional.empty();
        }
        String mechanism = Optional.ofNullable(env.get("KAFKA_SASL_MECHANISM")).map(ContainerEnv.Variable::value).orElse("");
        if (!"SCRAM-SHA-512".equals(mechanism)) {
            report.add(CHECK, workload, where + "KAFKA_SASL_MECHANISM must be SCRAM-SHA-512 for listener " + listener.path("name").asText()
                    + ", is " + (mechanism.isEmpty() ? "unset" : mechanism));
        }
        String secret = null;
        for (JsonNode e : Manifest.each(container.path("env"))) {
            if ("KAFKA_SASL_JAAS_CONFIG".equals(e.path("name").asText()) && e.path("valueFrom").has("secretKeyRef")) {
                secret = e.path("valueFrom").path("secretKeyRef").path("name").asText();
                if (!"sasl.jaas.config".equals(e.path("valueFrom").path("secretKeyRef").path("key").asText())) {
                    report.add(CHECK, workload, where + "KAFKA_SASL_JAAS_CONFIG must come from key sasl.jaas.config of the KafkaUser's Secret");
                }
            }
        }
        if (secret == null) {
            report.add(CHECK, workload, where + "KAFKA_SASL_JAAS_CONFIG is not taken from a KafkaUser's Secret");
            return Optional.empty();
        }
        String userName = secret;
        Optional<Manifest> user = all.stream().filter(m -> m.is("KafkaUser") && m.name().equals(userName)).findFirst();
        if (user.isEmpty()) {
            report.add(CHECK, workload, where + "KAFKA_SASL_JAAS_CONFIG comes from Secret " + secret + ", which is no KafkaUser of the output");
            return Optional.empty();
        }
        if (!"scram-sha-512".equals(user.get().node().path("spec").path("authentication").path("type").asText())) {
            report.add(CHECK, user.get(), "authenticates with " + user.get().node().path("spec").path("authentication").path("type").asText()
                    + ", but " + sources.service() + " uses it with SCRAM-SHA-512");
        }
        String cluster = user.get().labels().getOrDefault("strimzi.io/cluster", "");
        if (!cluster.equals(kafka.get().name())) {
            report.add(CHECK, user.get(), "belongs to Kafka " + cluster + ", but " + sources.service() + " connects to " + kafka.get().name());
        }
        acls(user.get(), sources, all, report);
        return Optional.of(user.get().name());
    }

    private static void truststore(Manifest workload, JsonNode container, Map<String, ContainerEnv.Variable> env, String kafka, String where, Finding.Report report) {
        String location = Optional.ofNullable(env.get("KAFKA_SSL_TRUSTSTORE_LOCATION")).map(ContainerEnv.Variable::value).orElse(null);
        String type = Optional.ofNullable(env.get("KAFKA_SSL_TRUSTSTORE_TYPE")).map(ContainerEnv.Variable::value).orElse("JKS");
        if (location == null) {
            report.add(CHECK, workload, where + "the Kafka listener uses TLS but KAFKA_SSL_TRUSTSTORE_LOCATION is not set (the cluster CA is self-signed)");
            return;
        }
        if (!"PEM".equals(type) && location.endsWith(".crt")) {
            report.add(CHECK, workload, where + "KAFKA_SSL_TRUSTSTORE_LOCATION is a PEM file, so KAFKA_SSL_TRUSTSTORE_TYPE must be PEM");
        }
        JsonNode spec = workload.podTemplate().orElseThrow().path("spec");
        for (JsonNode mount : Manifest.each(container.path("volumeMounts"))) {
            if (location.startsWith(mount.path("mountPath").asText() + "/")) {
                for (JsonNode volume : Manifest.each(spec.path("volumes"))) {
                    if (volume.path("name").asText().equals(mount.path("name").asText())) {
                        String secret = volume.path("secret").path("secretName").asText("");
                        if (!secret.equals(kafka + "-cluster-ca-cert")) {
                            report.add(CHECK, workload, where + "the Kafka truststore " + location + " is not Strimzi's cluster CA Secret " + kafka + "-cluster-ca-cert");
                        }
                        return;
                    }
                }
            }
        }
        report.add(CHECK, workload, where + "KAFKA_SSL_TRUSTSTORE_LOCATION " + location + " is on no mounted volume");
    }

    /** What the service's channels need, from its application.properties. */
    static Set<Acl> needed(ServiceSources s) {
        Set<Acl> acls = new TreeSet<>(java.util.Comparator.comparing(Acl::toString));
        String app = s.value("quarkus.application.name").orElse(s.service());
        for (Map.Entry<String, String> channel : s.channels().entrySet()) {
            String prefix = "mp.messaging." + channel.getValue() + "." + channel.getKey() + ".";
            if (!"smallrye-kafka".equals(s.value(prefix + "connector").orElse(""))) {
                continue;
            }
            String topic = s.value(prefix + "topic").orElse(channel.getKey());
            if (channel.getValue().equals("outgoing")) {
                acls.add(new Acl("topic", topic, "literal", "Write"));
                acls.add(new Acl("topic", topic, "literal", "Describe"));
            } else {
                acls.add(new Acl("topic", topic, "literal", "Read"));
                acls.add(new Acl("topic", topic, "literal", "Describe"));
                acls.add(new Acl("group", s.value(prefix + "group.id").orElse(app), "literal", "Read"));
                if ("dead-letter-queue".equals(s.value(prefix + "failure-strategy").orElse(""))) {
                    String dlq = s.value(prefix + "dead-letter-queue.topic").orElse("dead-letter-topic-" + topic);
                    acls.add(new Acl("topic", dlq, "literal", "Write"));
                    acls.add(new Acl("topic", dlq, "literal", "Describe"));
                }
            }
        }
        return acls;
    }

    static Set<Acl> granted(Manifest user) {
        Set<Acl> acls = new TreeSet<>(java.util.Comparator.comparing(Acl::toString));
        for (JsonNode rule : Manifest.each(user.node().path("spec").path("authorization").path("acls"))) {
            if ("deny".equals(rule.path("type").asText("allow"))) {
                continue;
            }
            JsonNode resource = rule.path("resource");
            for (JsonNode op : Manifest.each(rule.path("operations"))) {
                acls.add(new Acl(resource.path("type").asText(), resource.path("name").asText("*"), resource.path("patternType").asText("literal"), op.asText()));
            }
        }
        return acls;
    }

    private static void acls(Manifest user, ServiceSources sources, List<Manifest> all, Finding.Report report) {
        Set<Acl> needed = needed(sources);
        Set<Acl> granted = granted(user);
        for (Acl acl : needed) {
            if (!granted.contains(acl) && !granted.contains(new Acl(acl.type(), acl.name(), acl.pattern(), "All"))) {
                report.add(CHECK, user, sources.service() + " needs " + acl + " (from " + sources.origin() + "), which this user is not granted");
            }
            if (acl.type().equals("topic") && topicNames(all, user.labels().get("strimzi.io/cluster")).stream().noneMatch(acl.name()::equals)) {
                report.add(CHECK, user, sources.service() + " uses topic " + acl.name() + ", which is no KafkaTopic of the output");
            }
        }
        for (Acl acl : granted) {
            if (!needed.contains(acl)) {
                report.add(CHECK, user, "grants " + acl + ", which " + sources.service() + " does not need");
            }
        }
    }

    static Set<String> topicNames(List<Manifest> all, String cluster) {
        Set<String> names = new TreeSet<>();
        for (Manifest t : all) {
            if (t.is("KafkaTopic") && (cluster == null || cluster.equals(t.labels().get("strimzi.io/cluster")))) {
                names.add(t.node().path("spec").path("topicName").asText(t.name()));
            }
        }
        return names;
    }

    private static void replication(List<Manifest> all, Finding.Report report) {
        Map<String, Integer> brokers = new LinkedHashMap<>();
        for (Manifest pool : all) {
            if (pool.is("KafkaNodePool")) {
                boolean broker = false;
                for (JsonNode role : Manifest.each(pool.node().path("spec").path("roles"))) {
                    broker |= role.asText().equals("broker");
                }
                if (broker) {
                    brokers.merge(pool.labels().getOrDefault("strimzi.io/cluster", ""), pool.node().path("spec").path("replicas").asInt(), Integer::sum);
                }
            }
        }
        for (Manifest kafka : all) {
            if (!kafka.is("Kafka")) {
                continue;
            }
            int count = brokers.getOrDefault(kafka.name(), 0);
            JsonNode config = kafka.node().path("spec").path("kafka").path("config");
            for (String key : List.of("default.replication.factor", "offsets.topic.replication.factor", "transaction.state.log.replication.factor")) {
                if (config.has(key) && config.path(key).asInt() > count) {
                    report.add(CHECK, kafka, key + " " + config.path(key).asInt() + " exceeds the " + count + " broker(s) of the node pools");
                }
            }
            if (config.path("min.insync.replicas").asInt(1) > config.path("default.replication.factor").asInt(1)) {
                report.add(CHECK, kafka, "min.insync.replicas is larger than default.replication.factor");
            }
            for (Manifest topic : all) {
                if (topic.is("KafkaTopic") && kafka.name().equals(topic.labels().get("strimzi.io/cluster"))) {
                    int replicas = topic.node().path("spec").path("replicas").asInt(config.path("default.replication.factor").asInt(1));
                    int minIsr = topic.node().path("spec").path("config").path("min.insync.replicas").asInt(config.path("min.insync.replicas").asInt(1));
                    if (replicas > count) {
                        report.add(CHECK, topic, "replicas " + replicas + " exceeds the " + count + " broker(s) of Kafka " + kafka.name());
                    }
                    if (minIsr > replicas) {
                        report.add(CHECK, topic, "min.insync.replicas " + minIsr + " is larger than its replicas " + replicas + ": no write could succeed");
                    }
                }
            }
        }
    }
}
