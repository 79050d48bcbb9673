package com.logishift.support.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Configuration keys of the frameworks, from the frameworks themselves: every Quarkus extension
 * jar ships META-INF/quarkus-config-doc/quarkus-config-model.json (each key, its environment
 * variable and whether it can still be changed at run time); the Kafka client's settings come from
 * ProducerConfig/ConsumerConfig/AdminClientConfig; the few MicroProfile / SmallRye JWT keys are
 * listed in src/test/resources/framework-keys.txt.
 */
final class FrameworkKeys {

    /** A Quarkus key: its name, the pattern of its environment variable, its phase. */
    record QuarkusKey(String property, Pattern env, String phase) {
        boolean runtime() {
            return "RUN_TIME".equals(phase);
        }
    }

    static final List<QuarkusKey> QUARKUS = loadQuarkus();
    static final Set<String> KAFKA_CLIENT = loadKafka();
    static final Set<String> MICROPROFILE = loadListed();

    private FrameworkKeys() {
    }

    static Optional<QuarkusKey> quarkus(String envName) {
        // an exact (non-pattern) match first: QUARKUS_DATASOURCE_REACTIVE_URL is the default datasource's key,
        // not the key of a datasource named "REACTIVE"
        Optional<QuarkusKey> exact = QUARKUS.stream().filter(k -> k.env().pattern().equals(Pattern.quote(envName))).findFirst();
        return exact.isPresent() ? exact : QUARKUS.stream().filter(k -> k.env().matcher(envName).matches()).findFirst();
    }

    static int quarkusKeyCount() {
        return QUARKUS.size();
    }

    private static List<QuarkusKey> loadQuarkus() {
        List<QuarkusKey> keys = new ArrayList<>();
        try {
            Enumeration<URL> models = FrameworkKeys.class.getClassLoader()
                    .getResources("META-INF/quarkus-config-doc/quarkus-config-model.json");
            for (URL url : Collections.list(models)) {
                try (InputStream in = url.openStream()) {
                    walk(Manifest.JSON.readTree(in), keys);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("no Quarkus configuration model on the test classpath");
        }
        return keys;
    }

    private static void walk(JsonNode node, List<QuarkusKey> keys) {
        if (node.isObject()) {
            JsonNode path = node.path("path");
            if (path.isObject() && path.has("property") && node.has("phase")) {
                keys.add(new QuarkusKey(path.path("property").asText(), envPattern(path.path("property").asText()), node.path("phase").asText()));
            }
            node.forEach(child -> walk(child, keys));
        } else if (node.isArray()) {
            node.forEach(child -> walk(child, keys));
        }
    }

    /** quarkus.datasource."datasource-name".reactive.url -> QUARKUS_DATASOURCE_[A-Z0-9_]+_REACTIVE_URL (quoted = any name). */
    static Pattern envPattern(String property) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        boolean variable = false;
        for (int i = 0; i < property.length(); i++) {
            char c = property.charAt(i);
            if (c == '"') {
                int end = property.indexOf('"', i + 1);
                regex.append(Pattern.quote(ServiceSources.envName(literal.toString())));
                literal.setLength(0);
                regex.append("_?[A-Z0-9_]+_?");
                variable = true;
                i = end;
            } else if (c == '[' && property.startsWith("[*]", i)) {
                regex.append(Pattern.quote(ServiceSources.envName(literal.toString())));
                literal.setLength(0);
                regex.append("_[0-9]+_");
                variable = true;
                i += 2;
            } else {
                literal.append(c);
            }
        }
        if (!variable) {
            return Pattern.compile(Pattern.quote(ServiceSources.envName(property)));
        }
        regex.append(Pattern.quote(ServiceSources.envName(literal.toString())));
        return Pattern.compile(regex.toString().replace("\\Q\\E", ""));
    }

    private static Set<String> loadKafka() {
        Set<String> names = new TreeSet<>();
        names.addAll(ProducerConfig.configNames());
        names.addAll(ConsumerConfig.configNames());
        names.addAll(AdminClientConfig.configNames());
        return names;
    }

    private static Set<String> loadListed() {
        Set<String> keys = new LinkedHashSet<>();
        try (InputStream in = FrameworkKeys.class.getResourceAsStream("/framework-keys.txt")) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                String key = line.replaceAll("#.*", "").trim();
                if (!key.isEmpty()) {
                    keys.add(key);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }
}
