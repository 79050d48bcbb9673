package com.logishift.support.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The environment of a container as it will be at run time: env entries and envFrom ConfigMaps/Secrets. */
final class ContainerEnv {

    /** One variable; value is null when it comes from a Secret (or an unknown source). */
    record Variable(String name, String value, String from) {
    }

    private ContainerEnv() {
    }

    static Map<String, Variable> of(JsonNode container, List<Manifest> all) {
        Map<String, Variable> vars = new LinkedHashMap<>();
        for (JsonNode from : Manifest.each(container.path("envFrom"))) {
            String prefix = from.path("prefix").asText("");
            if (from.has("configMapRef")) {
                String name = from.path("configMapRef").path("name").asText();
                ReferenceCheck.find(all, "ConfigMap", name).ifPresent(cm -> cm.node().path("data").fields()
                        .forEachRemaining(e -> vars.put(prefix + e.getKey(), new Variable(prefix + e.getKey(), e.getValue().asText(), "ConfigMap " + name))));
            }
            if (from.has("secretRef")) {
                String name = from.path("secretRef").path("name").asText();
                Optional<Manifest> rendered = ReferenceCheck.find(all, "Secret", name);
                if (rendered.isPresent()) {
                    rendered.get().node().path("data").fieldNames().forEachRemaining(k -> vars.put(prefix + k, new Variable(prefix + k, null, "Secret " + name)));
                    rendered.get().node().path("stringData").fieldNames().forEachRemaining(k -> vars.put(prefix + k, new Variable(prefix + k, null, "Secret " + name)));
                } else if (ProvidedSecrets.ALL.containsKey(name)) {
                    ProvidedSecrets.ALL.get(name).keys().forEach(k -> vars.put(prefix + k, new Variable(prefix + k, null, "Secret " + name)));
                }
            }
        }
        for (JsonNode env : Manifest.each(container.path("env"))) {
            String name = env.path("name").asText();
            JsonNode valueFrom = env.path("valueFrom");
            if (valueFrom.has("configMapKeyRef")) {
                JsonNode ref = valueFrom.path("configMapKeyRef");
                String value = ReferenceCheck.find(all, "ConfigMap", ref.path("name").asText())
                        .map(cm -> cm.node().path("data").path(ref.path("key").asText()).asText(null)).orElse(null);
                vars.put(name, new Variable(name, value, "ConfigMap " + ref.path("name").asText()));
            } else if (valueFrom.has("secretKeyRef")) {
                vars.put(name, new Variable(name, null, "Secret " + valueFrom.path("secretKeyRef").path("name").asText()));
            } else if (valueFrom.isMissingNode()) {
                vars.put(name, new Variable(name, env.path("value").asText(""), "env"));
            } else {
                vars.put(name, new Variable(name, null, "fieldRef/resourceFieldRef"));
            }
        }
        return vars;
    }

    /** The service a workload runs: its app.kubernetes.io/name, else its name. */
    static String serviceOf(Manifest workload) {
        JsonNode labels = workload.podTemplate().map(t -> t.path("metadata").path("labels")).orElse(workload.node().path("metadata").path("labels"));
        return labels.path("app.kubernetes.io/name").asText(workload.name());
    }
}
