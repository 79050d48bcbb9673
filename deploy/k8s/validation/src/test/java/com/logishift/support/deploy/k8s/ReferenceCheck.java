package com.logishift.support.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * References between objects: Service selectors select some pod template, Service target ports
 * and probe ports are ports the container declares, ConfigMaps/Secrets (and their keys) exist in
 * the output or are listed in provided-secrets.yaml, ServiceAccounts exist, Ingress backends are
 * Services with that port, HPA and PDB targets exist, Strimzi and CNPG resources point at a Kafka
 * or Cluster of the output, PodMonitors select pods that declare the ports they scrape.
 */
final class ReferenceCheck {

    static final String CHECK = "reference";

    private ReferenceCheck() {
    }

    static void check(List<Manifest> all, Finding.Report report) {
        for (Manifest m : all) {
            switch (m.kind()) {
                case "Service" -> service(m, all, report);
                case "Ingress" -> ingress(m, all, report);
                case "HorizontalPodAutoscaler" -> hpa(m, all, report);
                case "PodDisruptionBudget" -> pdb(m, all, report);
                case "KafkaTopic", "KafkaUser", "KafkaNodePool" -> strimziCluster(m, all, report);
                case "Database" -> cnpgCluster(m, m.node().path("spec").path("cluster").path("name").asText(), all, report);
                case "Cluster" -> cnpgSecrets(m, all, report);
                case "PodMonitor" -> podMonitor(m, all, report);
                default -> { }
            }
            m.podTemplate().ifPresent(template -> podTemplate(m, template, all, report));
        }
    }

    // ---------------------------------------------------------------------------------------------

    static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return !selector.isEmpty() && selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    static List<Manifest> workloadsSelectedBy(Map<String, String> selector, List<Manifest> all) {
        List<Manifest> result = new ArrayList<>();
        for (Manifest m : all) {
            m.podTemplate().ifPresent(t -> {
                if (selects(selector, Manifest.stringMap(t.path("metadata").path("labels")))) {
                    result.add(m);
                }
            });
        }
        return result;
    }

    static Optional<Manifest> find(List<Manifest> all, String kind, String name) {
        return all.stream().filter(m -> m.is(kind) && m.name().equals(name)).findFirst();
    }

    /** Does a container declare this port (a number, or a name)? */
    static boolean declaresPort(JsonNode container, JsonNode port) {
        for (JsonNode declared : Manifest.each(container.path("ports"))) {
            if (port.isNumber() && declared.path("containerPort").asInt() == port.asInt()) {
                return true;
            }
            if (port.isTextual() && port.asText().equals(declared.path("name").asText())) {
                return true;
            }
        }
        return false;
    }

    private static void service(Manifest svc, List<Manifest> all, Finding.Report report) {
        Map<String, String> selector = Manifest.stringMap(svc.node().path("spec").path("selector"));
        if (selector.isEmpty()) {
            return; // a Service without selector has its endpoints managed elsewhere
        }
        List<Manifest> workloads = workloadsSelectedBy(selector, all);
        if (workloads.isEmpty()) {
            report.add(CHECK, svc, "selector " + selector + " matches no pod template in the output");
            return;
        }
        for (JsonNode port : Manifest.each(svc.node().path("spec").path("ports"))) {
            JsonNode target = port.has("targetPort") ? port.path("targetPort") : port.path("port");
            managementBehind(svc, port, all).ifPresent(workload -> report.add(CHECK, svc, "port " + port.path("port")
                    + " leads to the management port (health, metrics) of " + workload
                    + ": no Service may expose it (Prometheus scrapes the pods, the kubelet probes them)"));
            for (Manifest workload : workloads) {
                boolean found = false;
                for (JsonNode c : Manifest.each(workload.podTemplate().orElseThrow().path("spec").path("containers"))) {
                    found |= declaresPort(c, target);
                }
                if (!found) {
                    report.add(CHECK, svc, "targetPort " + target + " is not a port declared by the containers of " + workload.id());
                }
            }
        }
    }

    private static void podTemplate(Manifest workload, JsonNode template, List<Manifest> all, Finding.Report report) {
        JsonNode spec = template.path("spec");
        String account = spec.path("serviceAccountName").asText("");
        if (!account.isEmpty() && find(all, "ServiceAccount", account).isEmpty()) {
            report.add(CHECK, workload, "serviceAccountName " + account + " is not a ServiceAccount in the output");
        }
        List<JsonNode> containers = new ArrayList<>();
        Manifest.each(spec.path("initContainers")).forEach(containers::add);
        Manifest.each(spec.path("containers")).forEach(containers::add);
        for (JsonNode c : containers) {
            String where = "container " + c.path("name").asText();
            for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                JsonNode p = c.path(probe);
                JsonNode port = p.path("httpGet").has("port") ? p.path("httpGet").path("port") : p.path("tcpSocket").path("port");
                if (!port.isMissingNode() && !declaresPort(c, port)) {
                    report.add(CHECK, workload, where + ": " + probe + " uses port " + port + ", which the container does not declare");
                }
            }
            for (JsonNode from : Manifest.each(c.path("envFrom"))) {
                if (from.has("configMapRef")) {
                    configMap(workload, where, from.path("configMapRef").path("name").asText(), null,
                            from.path("configMapRef").path("optional").asBoolean(false), all, report);
                }
                if (from.has("secretRef")) {
                    secret(workload, where, from.path("secretRef").path("name").asText(), null,
                            from.path("secretRef").path("optional").asBoolean(false), all, report);
                }
            }
            for (JsonNode env : Manifest.each(c.path("env"))) {
                JsonNode valueFrom = env.path("valueFrom");
                if (valueFrom.has("configMapKeyRef")) {
                    JsonNode ref = valueFrom.path("configMapKeyRef");
                    configMap(workload, where + " env " + env.path("name").asText(), ref.path("name").asText(), ref.path("key").asText(),
                            ref.path("optional").asBoolean(false), all, report);
                }
                if (valueFrom.has("secretKeyRef")) {
                    JsonNode ref = valueFrom.path("secretKeyRef");
                    secret(workload, where + " env " + env.path("name").asText(), ref.path("name").asText(), ref.path("key").asText(),
                            ref.path("optional").asBoolean(false), all, report);
                }
            }
            Set<String> volumes = new TreeSet<>();
            Manifest.each(spec.path("volumes")).forEach(v -> volumes.add(v.path("name").asText()));
            for (JsonNode mount : Manifest.each(c.path("volumeMounts"))) {
                if (!volumes.contains(mount.path("name").asText())) {
                    report.add(CHECK, workload, where + ": volumeMount " + mount.path("name").asText() + " names no volume of the pod");
                }
            }
        }
        for (JsonNode volume : Manifest.each(spec.path("volumes"))) {
            String where = "volume " + volume.path("name").asText();
            if (volume.has("configMap")) {
                JsonNode cm = volume.path("configMap");
                configMap(workload, where, cm.path("name").asText(), null, cm.path("optional").asBoolean(false), all, report);
                Manifest.each(cm.path("items")).forEach(item -> configMap(workload, where, cm.path("name").asText(),
                        item.path("key").asText(), cm.path("optional").asBoolean(false), all, report));
            }
            if (volume.has("secret")) {
                JsonNode s = volume.path("secret");
                secret(workload, where, s.path("secretName").asText(), null, s.path("optional").asBoolean(false), all, report);
                Manifest.each(s.path("items")).forEach(item -> secret(workload, where, s.path("secretName").asText(),
                        item.path("key").asText(), s.path("optional").asBoolean(false), all, report));
            }
        }
    }

    private static void configMap(Manifest user, String where, String name, String key, boolean optional, List<Manifest> all, Finding.Report report) {
        Optional<Manifest> cm = find(all, "ConfigMap", name);
        if (cm.isEmpty()) {
            if (!optional) {
                report.add(CHECK, user, where + " refers to ConfigMap " + name + ", which is not in the output");
            }
            return;
        }
        if (key != null && !cm.get().node().path("data").has(key) && !cm.get().node().path("binaryData").has(key) && !optional) {
            report.add(CHECK, user, where + " refers to key " + key + " of ConfigMap " + name + ", which has no such key");
        }
    }

    static void secret(Manifest user, String where, String name, String key, boolean optional, List<Manifest> all, Finding.Report report) {
        Optional<Manifest> rendered = find(all, "Secret", name);
        if (rendered.isPresent()) {
            JsonNode secret = rendered.get().node();
            if (key != null && !secret.path("data").has(key) && !secret.path("stringData").has(key) && !optional) {
                report.add(CHECK, user, where + " refers to key " + key + " of Secret " + name + ", which has no such key");
            }
            return;
        }
        ProvidedSecrets.Entry provided = ProvidedSecrets.ALL.get(name);
        if (provided == null) {
            if (!optional) {
                report.add(CHECK, user, where + " refers to Secret " + name
                        + ", which is neither in the output nor listed in deploy/k8s/provided-secrets.yaml");
            }
            return;
        }
        if (key != null && !provided.keys().contains(key) && !optional) {
            report.add(CHECK, user, where + " refers to key " + key + " of Secret " + name
                    + ", but provided-secrets.yaml lists only " + provided.keys());
        }
    }

    private static void ingress(Manifest ingress, List<Manifest> all, Finding.Report report) {
        List<JsonNode> backends = new ArrayList<>();
        if (ingress.node().path("spec").has("defaultBackend")) {
            backends.add(ingress.node().path("spec").path("defaultBackend"));
        }
        for (JsonNode rule : Manifest.each(ingress.node().path("spec").path("rules"))) {
            Manifest.each(rule.path("http").path("paths")).forEach(p -> backends.add(p.path("backend")));
        }
        for (JsonNode backend : backends) {
            JsonNode service = backend.path("service");
            if (service.isMissingNode()) {
                continue;
            }
            String name = service.path("name").asText();
            Optional<Manifest> svc = find(all, "Service", name);
            if (svc.isEmpty()) {
                report.add(CHECK, ingress, "backend Service " + name + " is not in the output");
                continue;
            }
            JsonNode port = service.path("port");
            boolean found = false;
            for (JsonNode p : Manifest.each(svc.get().node().path("spec").path("ports"))) {
                boolean same = port.has("name") ? p.path("name").asText().equals(port.path("name").asText())
                        : p.path("port").asInt() == port.path("number").asInt();
                found |= same;
                if (same) {
                    managementBehind(svc.get(), p, all).ifPresent(workload -> report.add(CHECK, ingress, "backend port " + port
                            + " of Service " + name + " leads to the management port (health, metrics) of " + workload));
                }
            }
            if (!found) {
                report.add(CHECK, ingress, "backend port " + port + " is not a port of Service " + name);
            }
        }
        for (JsonNode tls : Manifest.each(ingress.node().path("spec").path("tls"))) {
            if (tls.has("secretName")) {
                secret(ingress, "tls", tls.path("secretName").asText(), null, false, all, report);
            }
        }
    }

    /** The workload whose management port (a container port named "management") a Service port targets, if any. */
    private static Optional<String> managementBehind(Manifest svc, JsonNode svcPort, List<Manifest> all) {
        JsonNode target = svcPort.has("targetPort") ? svcPort.path("targetPort") : svcPort.path("port");
        for (Manifest workload : workloadsSelectedBy(Manifest.stringMap(svc.node().path("spec").path("selector")), all)) {
            for (JsonNode c : Manifest.each(workload.podTemplate().orElseThrow().path("spec").path("containers"))) {
                for (JsonNode declared : Manifest.each(c.path("ports"))) {
                    boolean management = NetworkCheck.MANAGEMENT_PORT.equals(declared.path("name").asText());
                    if (management && (target.isNumber() ? target.asInt() == declared.path("containerPort").asInt()
                            : target.asText().equals(NetworkCheck.MANAGEMENT_PORT))) {
                        return Optional.of(workload.id());
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static void hpa(Manifest hpa, List<Manifest> all, Finding.Report report) {
        JsonNode target = hpa.node().path("spec").path("scaleTargetRef");
        if (find(all, target.path("kind").asText(), target.path("name").asText()).isEmpty()) {
            report.add(CHECK, hpa, "scaleTargetRef " + target.path("kind").asText() + "/" + target.path("name").asText() + " is not in the output");
        }
    }

    private static void pdb(Manifest pdb, List<Manifest> all, Finding.Report report) {
        Map<String, String> selector = Manifest.stringMap(pdb.node().path("spec").path("selector").path("matchLabels"));
        if (workloadsSelectedBy(selector, all).isEmpty()) {
            report.add(CHECK, pdb, "selector " + selector + " matches no pod template in the output");
        }
    }

    private static void podMonitor(Manifest monitor, List<Manifest> all, Finding.Report report) {
        JsonNode selector = monitor.node().path("spec").path("selector");
        List<Manifest> workloads = new ArrayList<>();
        for (Manifest m : all) {
            m.podTemplate().filter(t -> NetworkCheck.matches(selector, Manifest.stringMap(t.path("metadata").path("labels"))))
                    .ifPresent(t -> workloads.add(m));
        }
        if (workloads.isEmpty()) {
            report.add(CHECK, monitor, "selector " + selector + " matches no pod template in the output");
        }
        for (JsonNode endpoint : Manifest.each(monitor.node().path("spec").path("podMetricsEndpoints"))) {
            JsonNode port = endpoint.path("port");
            for (Manifest workload : workloads) {
                boolean found = false;
                for (JsonNode c : Manifest.each(workload.podTemplate().orElseThrow().path("spec").path("containers"))) {
                    found |= !port.isMissingNode() && declaresPort(c, port);
                }
                if (!found) {
                    report.add(CHECK, monitor, "scrapes port " + port + ", which the containers of " + workload.id() + " do not declare");
                }
            }
        }
    }

    private static void strimziCluster(Manifest m, List<Manifest> all, Finding.Report report) {
        String cluster = m.labels().getOrDefault("strimzi.io/cluster", "");
        if (cluster.isEmpty()) {
            report.add(CHECK, m, "has no strimzi.io/cluster label: no Strimzi operator will pick it up");
        } else if (find(all, "Kafka", cluster).isEmpty()) {
            report.add(CHECK, m, "strimzi.io/cluster " + cluster + " is not a Kafka in the output");
        }
    }

    private static void cnpgCluster(Manifest m, String cluster, List<Manifest> all, Finding.Report report) {
        if (all.stream().noneMatch(c -> c.is("Cluster") && c.group().equals("postgresql.cnpg.io") && c.name().equals(cluster))) {
            report.add(CHECK, m, "spec.cluster.name " + cluster + " is not a CloudNativePG Cluster in the output");
        }
    }

    private static void cnpgSecrets(Manifest cluster, List<Manifest> all, Finding.Report report) {
        if (!cluster.group().equals("postgresql.cnpg.io")) {
            return;
        }
        for (JsonNode role : Manifest.each(cluster.node().path("spec").path("managed").path("roles"))) {
            if (role.has("passwordSecret")) {
                String name = role.path("passwordSecret").path("name").asText();
                secret(cluster, "managed role " + role.path("name").asText(), name, "password", false, all, report);
                secret(cluster, "managed role " + role.path("name").asText(), name, "username", false, all, report);
            }
        }
    }
}
