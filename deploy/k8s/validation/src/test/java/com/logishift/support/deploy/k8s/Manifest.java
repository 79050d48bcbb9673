package com.logishift.support.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One rendered Kubernetes object, as a JSON tree, with the bits every check needs. */
record Manifest(ObjectNode node, String source) {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();

    static List<Manifest> parseAll(String yaml, String source) {
        List<Manifest> result = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc instanceof ObjectNode object && !object.isEmpty()) {
                    result.add(new Manifest(object, source));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("rendered YAML of " + source + " does not parse", e);
        }
        return result;
    }

    String apiVersion() {
        return node.path("apiVersion").asText("");
    }

    String kind() {
        return node.path("kind").asText("");
    }

    String name() {
        return node.path("metadata").path("name").asText("");
    }

    String namespace() {
        return node.path("metadata").path("namespace").asText("");
    }

    String group() {
        String apiVersion = apiVersion();
        return apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    }

    /** "Deployment/ticket-service" — how findings name an object. */
    String id() {
        return kind() + "/" + name();
    }

    boolean is(String kind) {
        return kind().equals(kind);
    }

    Map<String, String> labels() {
        return stringMap(node.path("metadata").path("labels"));
    }

    /** The pod template of a workload, if it has one. */
    Optional<JsonNode> podTemplate() {
        JsonNode template = node.path("spec").path("template");
        return switch (kind()) {
            case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job" -> template.isObject() ? Optional.of(template) : Optional.empty();
            default -> Optional.empty();
        };
    }

    static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        }
        return map;
    }

    static Iterable<JsonNode> each(JsonNode arrayOrMissing) {
        List<JsonNode> list = new ArrayList<>();
        if (arrayOrMissing != null && arrayOrMissing.isArray()) {
            arrayOrMissing.forEach(list::add);
        }
        return list;
    }
}
