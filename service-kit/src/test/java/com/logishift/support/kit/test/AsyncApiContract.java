package com.logishift.support.kit.test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A producer's AsyncAPI document as JSON Schemas, for event contract tests: each message's payload
 * and header schema, found by its CloudEvent type (the message's {@code name}), validated with the
 * networknt validator (draft 7, the dialect of AsyncAPI 3 schema objects, formats such as uuid and
 * date-time asserted; local {@code $ref}s resolve within the document).
 * <p>
 * Payloads are checked strictly: an object schema that lists its properties refuses any other, so a
 * producer cannot publish a field its document does not describe, and a consumer's sample cannot
 * rely on one. Headers are checked as documented, extra ones allowed (a broker or tracing may add
 * its own).
 */
public final class AsyncApiContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    private final Path file;
    private final JsonSchema strictRoot;
    private final JsonSchema lenientRoot;
    private final JsonNode strictDocument;
    /** CloudEvent type → key under components.messages. */
    private final Map<String, String> messages = new LinkedHashMap<>();
    private final Set<String> addresses = new LinkedHashSet<>();

    private AsyncApiContract(Path file, JsonNode document) {
        this.file = file;
        JsonNode components = document.path("components").path("messages");
        for (Iterator<Map.Entry<String, JsonNode>> it = components.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> message = it.next();
            String name = message.getValue().path("name").asText(null);
            if (name != null) {
                messages.put(name, message.getKey());
            }
        }
        document.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));
        this.strictDocument = strict(document.deepCopy());
        String id = "urn:asyncapi:" + file.getFileName();
        this.strictRoot = FACTORY.getSchema(SchemaLocation.of(id + ":strict"), strictDocument, CONFIG);
        this.lenientRoot = FACTORY.getSchema(SchemaLocation.of(id), document, CONFIG);
    }

    /** Reads an AsyncAPI YAML document, e.g. {@code src/main/asyncapi/ticket-events.yaml} or a producer's by relative path. */
    public static AsyncApiContract read(Path yaml) {
        try {
            return new AsyncApiContract(yaml, new YAMLMapper().readTree(Files.readString(yaml)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the AsyncAPI document " + yaml, e);
        }
    }

    /** The CloudEvent types the document describes. */
    public Set<String> types() {
        return new LinkedHashSet<>(messages.keySet());
    }

    /** The channels' addresses (Kafka topics). */
    public Set<String> addresses() {
        return new LinkedHashSet<>(addresses);
    }

    /** Properties the payload of this type lists as required. */
    public Set<String> requiredFields(String type) {
        Set<String> required = new LinkedHashSet<>();
        payloadNode(type).path("required").forEach(field -> required.add(field.asText()));
        return required;
    }

    /** Properties the payload of this type describes. */
    public Set<String> fields(String type) {
        Set<String> fields = new LinkedHashSet<>();
        payloadNode(type).path("properties").fieldNames().forEachRemaining(fields::add);
        return fields;
    }

    /** What is wrong with this payload for this type; empty when it conforms. */
    public List<String> payloadViolations(String type, JsonNode payload) {
        return violations(strictRoot, type, "payload", payload);
    }

    /** What is wrong with these record headers for this type; empty when they conform. */
    public List<String> headerViolations(String type, Map<String, String> headers) {
        ObjectNode node = JSON.createObjectNode();
        headers.forEach(node::put);
        return violations(lenientRoot, type, "headers", node);
    }

    /** Fails, naming every violation and the payload, unless the JSON text conforms to this type's payload schema. */
    public void assertPayload(String type, String json) {
        JsonNode payload;
        try {
            payload = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError(type + " payload is not JSON: " + json, e);
        }
        List<String> violations = payloadViolations(type, payload);
        if (!violations.isEmpty()) {
            throw new AssertionError(type + " payload breaks " + file + ": " + violations + "\n  payload: " + json);
        }
    }

    /** Fails unless the headers carry what the document promises for this type. */
    public void assertHeaders(String type, Map<String, String> headers) {
        List<String> violations = headerViolations(type, headers);
        if (!violations.isEmpty()) {
            throw new AssertionError(type + " headers break " + file + ": " + violations + "\n  headers: " + headers);
        }
    }

    private List<String> violations(JsonSchema root, String type, String part, JsonNode instance) {
        String key = key(type);
        if (strictDocument.path("components").path("messages").path(key).path(part).isMissingNode()) {
            throw new AssertionError(type + " has no " + part + " schema in " + file);
        }
        JsonSchema schema = root.getSubSchema(new JsonNodePath(PathType.JSON_POINTER)
                .append("components").append("messages").append(key).append(part));
        return schema.validate(instance).stream()
                .sorted(Comparator.comparing(ValidationMessage::toString))
                .map(ValidationMessage::toString).toList();
    }

    private JsonNode payloadNode(String type) {
        JsonNode payload = strictDocument.path("components").path("messages").path(key(type)).path("payload");
        JsonNode ref = payload.path("$ref");
        // a payload kept under components.schemas: follow the (local) reference
        return ref.isTextual() ? strictDocument.at(ref.asText().substring(1)) : payload;
    }

    private String key(String type) {
        String key = messages.get(type);
        if (key == null) {
            throw new AssertionError(type + " is not a message of " + file + " (it has " + messages.keySet() + ")");
        }
        return key;
    }

    /** Every object schema that lists its properties, and says nothing about others, refuses them. */
    private static JsonNode strict(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if (object.path("properties").isObject() && !object.has("additionalProperties")
                    && !object.has("patternProperties")) {
                object.put("additionalProperties", false);
            }
            object.forEach(AsyncApiContract::strict);
        } else if (node.isArray()) {
            node.forEach(AsyncApiContract::strict);
        }
        return node;
    }
}
