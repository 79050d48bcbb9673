package com.logishift.support.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** deploy/k8s/provided-secrets.yaml: the Secrets the manifests use but do not contain, with their keys. */
final class ProvidedSecrets {

    record Entry(String name, String providedBy, Set<String> keys) {
    }

    static final Map<String, Entry> ALL = load();

    private ProvidedSecrets() {
    }

    private static Map<String, Entry> load() {
        Map<String, Entry> entries = new LinkedHashMap<>();
        try {
            JsonNode root = Manifest.YAML.readTree(Files.readString(Repo.k8s().resolve("provided-secrets.yaml")));
            for (JsonNode secret : Manifest.each(root.path("secrets"))) {
                Set<String> keys = new LinkedHashSet<>();
                secret.path("keys").forEach(k -> keys.add(k.asText()));
                entries.put(secret.path("name").asText(), new Entry(secret.path("name").asText(), secret.path("providedBy").asText(), keys));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }
}
