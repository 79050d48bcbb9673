package com.logishift.support.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Custom resources (Strimzi, CloudNativePG) against the openAPIV3Schema of their CRDs, made
 * strict: every object schema that lists its properties rejects other ones, unless the CRD says
 * x-kubernetes-preserve-unknown-fields (as the API server prunes unknown fields instead, a typo
 * would silently vanish there). Only versions the CRDs serve are accepted. metadata is checked
 * with the Kubernetes ObjectMeta model. The CRDs are the files under src/test/resources/crds.
 */
final class CustomResourceCheck {

    static final String CHECK = "crd-schema";

    private static final Map<String, JsonSchema> SCHEMAS = new LinkedHashMap<>();
    private static final Map<String, Set<String>> SERVED_VERSIONS = new LinkedHashMap<>();
    private static final Set<String> GROUPS = new TreeSet<>();

    static {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        try (Stream<Path> files = Files.walk(Repo.testResources().resolve("crds"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (Manifest crd : Manifest.parseAll(Files.readString(file), file.getFileName().toString())) {
                    if (!crd.is("CustomResourceDefinition")) {
                        continue;
                    }
                    JsonNode spec = crd.node().path("spec");
                    String group = spec.path("group").asText();
                    String kind = spec.path("names").path("kind").asText();
                    GROUPS.add(group);
                    for (JsonNode version : Manifest.each(spec.path("versions"))) {
                        if (!version.path("served").asBoolean(false)) {
                            continue;
                        }
                        String name = version.path("name").asText();
                        SERVED_VERSIONS.computeIfAbsent(group + "/" + kind, k -> new TreeSet<>()).add(name);
                        JsonNode schema = strict(version.path("schema").path("openAPIV3Schema").deepCopy());
                        SCHEMAS.put(group + "/" + name + "/" + kind, factory.getSchema(schema));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CustomResourceCheck() {
    }

    static boolean knowsGroup(String group) {
        return GROUPS.contains(group);
    }

    static Set<String> groups() {
        return GROUPS;
    }

    static void check(Manifest m, Finding.Report report) {
        JsonSchema schema = SCHEMAS.get(m.apiVersion() + "/" + m.kind());
        if (schema == null) {
            Set<String> versions = SERVED_VERSIONS.get(m.group() + "/" + m.kind());
            report.add(CHECK, m, versions == null
                    ? "no CRD of group " + m.group() + " defines kind " + m.kind()
                    : "apiVersion " + m.apiVersion() + " is not served for " + m.kind() + " (the targeted CRDs serve " + versions + ")");
            return;
        }
        for (ValidationMessage message : schema.validate(m.node())) {
            report.add(CHECK, m, message.getMessage());
        }
        try {
            BuiltInSchemaCheck.CLIENT_JSON.deserialize(m.node().path("metadata").toString(), V1ObjectMeta.class);
        } catch (RuntimeException e) {
            report.add(CHECK, m, "metadata: " + BuiltInSchemaCheck.brief(e));
        }
    }

    /** additionalProperties: false wherever the schema lists properties and does not preserve unknown fields. */
    static JsonNode strict(JsonNode schema) {
        if (schema instanceof ObjectNode object) {
            boolean preserve = object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
            // keywords JSON Schema draft 4 does not know: dropped so the validator does not complain about them
            List.of("x-kubernetes-preserve-unknown-fields", "x-kubernetes-int-or-string", "x-kubernetes-validations",
                    "x-kubernetes-map-type", "x-kubernetes-list-type", "x-kubernetes-list-map-keys", "nullable", "description")
                    .forEach(object::remove);
            if ("object".equals(object.path("type").asText()) && object.has("properties")
                    && !object.has("additionalProperties") && !preserve) {
                object.put("additionalProperties", false);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (entry.getKey().equals("properties") && entry.getValue() instanceof ObjectNode properties) {
                    properties.fields().forEachRemaining(p -> strict(p.getValue()));
                } else {
                    strict(entry.getValue());
                }
            }
        } else if (schema instanceof ArrayNode array) {
            array.forEach(CustomResourceCheck::strict);
        }
        return schema;
    }
}
