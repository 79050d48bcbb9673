package com.logishift.support.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates the NetworkPolicies the way a CNI plugin would and compares the result with what the
 * services' configuration needs. A service's needs are the hosts in its *_URL and *_SERVERS
 * variables (datasource URLs, KAFKA_BOOTSTRAP_SERVERS, SUPPORT_JWKS_URL, the gateway's service
 * URLs), resolved through the Services of the output and the Services the operators create
 * (KAFKA-kafka-bootstrap, CLUSTER-rw). Then:
 * <ul>
 * <li>every pod is under a default deny for ingress and egress;</li>
 * <li>every needed connection is allowed (egress of the client and ingress of the server), and so is DNS;</li>
 * <li>no other connection between the services, Kafka and PostgreSQL is allowed;</li>
 * <li>from outside the namespace only the ingress controller's namespace reaches only the pods behind the Ingress;</li>
 * <li>a container port named {@code management} (health, metrics) is reachable from Prometheus in the
 * monitoring namespace and not from the ingress controller.</li>
 * </ul>
 * Strimzi writes the ingress policies of its brokers itself, from the listeners' networkPolicyPeers:
 * those are emulated here. ipBlock peers (the Kubernetes API) are not modelled.
 */
final class NetworkCheck {

    static final String CHECK = "network";
    static final String INGRESS_CONTROLLER_NAMESPACE = "ingress-nginx";
    static final String MONITORING_NAMESPACE = "monitoring";
    /** The port name of Quarkus' management interface (health and metrics). */
    static final String MANAGEMENT_PORT = "management";

    /** A pod (or a representative of an operator's pods) and its namespace. */
    record Pod(String id, String namespace, Map<String, String> namespaceLabels, Map<String, String> labels,
               Map<String, Integer> namedPorts, Set<Integer> ports, Manifest owner, JsonNode kafkaListeners) {
    }

    /** A Service: which pods, which port goes to which target. */
    record Svc(String name, List<Pod> pods, Map<Integer, Object> targetPorts) {
    }

    record Need(Pod to, int port, String because) {
    }

    private NetworkCheck() {
    }

    static void check(List<Manifest> all, Finding.Report report) {
        List<Manifest> policies = all.stream().filter(m -> m.is("NetworkPolicy")).toList();
        String namespace = all.stream().map(Manifest::namespace).filter(n -> !n.isEmpty()).findFirst().orElse("default");
        Map<String, String> nsLabels = new LinkedHashMap<>();
        all.stream().filter(m -> m.is("Namespace") && m.name().equals(namespace)).findFirst().ifPresent(n -> nsLabels.putAll(n.labels()));
        nsLabels.put("kubernetes.io/metadata.name", namespace);

        List<Pod> apps = new ArrayList<>();
        List<Pod> data = new ArrayList<>();
        Map<String, Svc> services = new LinkedHashMap<>();
        model(all, namespace, nsLabels, apps, data, services);

        Pod ingressController = new Pod("the ingress controller", INGRESS_CONTROLLER_NAMESPACE,
                Map.of("kubernetes.io/metadata.name", INGRESS_CONTROLLER_NAMESPACE), Map.of("app.kubernetes.io/name", "ingress-nginx"),
                Map.of(), Set.of(), null, null);
        Pod stranger = new Pod("a pod of another namespace", "elsewhere", Map.of("kubernetes.io/metadata.name", "elsewhere"),
                Map.of("app", "something"), Map.of(), Set.of(), null, null);
        Pod prometheus = new Pod("Prometheus", MONITORING_NAMESPACE,
                Map.of("kubernetes.io/metadata.name", MONITORING_NAMESPACE), Map.of("app.kubernetes.io/name", "prometheus"),
                Map.of(), Set.of(), null, null);
        Pod dns = new Pod("cluster DNS", "kube-system", Map.of("kubernetes.io/metadata.name", "kube-system"), Map.of("k8s-app", "kube-dns"),
                Map.of("dns", 53), Set.of(53), null, null);

        List<Pod> everyone = new ArrayList<>(apps);
        everyone.addAll(data);
        for (Pod pod : everyone) {
            if (!isolated(pod, policies, "Ingress") || !isolated(pod, policies, "Egress")) {
                report.add(CHECK, pod.id(), "is not covered by a default-deny policy for both ingress and egress");
            }
        }

        Set<String> exposed = new LinkedHashSet<>();
        for (Manifest ingress : all) {
            if (ingress.is("Ingress")) {
                for (JsonNode rule : Manifest.each(ingress.node().path("spec").path("rules"))) {
                    for (JsonNode path : Manifest.each(rule.path("http").path("paths"))) {
                        Svc svc = services.get(path.path("backend").path("service").path("name").asText());
                        if (svc != null) {
                            svc.pods().forEach(p -> exposed.add(p.id()));
                        }
                    }
                }
            }
        }

        for (Pod client : apps) {
            Map<String, ContainerEnv.Variable> env = new LinkedHashMap<>();
            for (JsonNode c : Manifest.each(client.owner().podTemplate().orElseThrow().path("spec").path("containers"))) {
                env.putAll(ContainerEnv.of(c, all));
            }
            List<Need> needs = needs(client, env, services, report);
            for (Need need : needs) {
                String verdict = verdict(client, need.to(), need.port(), "TCP", policies);
                if (verdict != null) {
                    report.add(CHECK, client.id(), "cannot reach " + need.to().id() + " on port " + need.port() + " (" + need.because() + "): " + verdict);
                }
            }
            if (verdict(client, dns, 53, "UDP", policies) != null) {
                report.add(CHECK, client.id(), "cannot reach the cluster DNS on 53/UDP");
            }
            for (Pod server : everyone) {
                if (server == client) {
                    continue;
                }
                for (int port : server.ports()) {
                    boolean needed = needs.stream().anyMatch(n -> n.to() == server && n.port() == port);
                    if (!needed && verdict(client, server, port, "TCP", policies) == null) {
                        report.add(CHECK, client.id(), "can reach " + server.id() + " on port " + port + ", although its configuration never connects there");
                    }
                }
            }
        }
        scrapes(all, apps, prometheus, policies, report);
        publicEgress(policies, report);
        for (Pod server : everyone) {
            Integer management = server.namedPorts().get(MANAGEMENT_PORT);
            for (int port : server.ports()) {
                boolean fromController = verdict(ingressController, server, port, "TCP", policies) == null;
                if (management != null && port == management) {
                    if (fromController) {
                        report.add(CHECK, server.id(), "is reachable on its management port " + port
                                + " (health, metrics) from the ingress controller's namespace");
                    }
                    if (apps.contains(server) && verdict(prometheus, server, port, "TCP", policies) != null) {
                        report.add(CHECK, server.id(), "cannot be scraped: Prometheus (namespace " + MONITORING_NAMESPACE
                                + ") cannot reach its management port " + port);
                    }
                    if (verdict(stranger, server, port, "TCP", policies) == null) {
                        report.add(CHECK, server.id(), "is reachable on port " + port + " from any pod of any other namespace");
                    }
                    continue;
                }
                if (fromController && !exposed.contains(server.id())) {
                    report.add(CHECK, server.id(), "is reachable on port " + port + " from the ingress controller's namespace, but is behind no Ingress");
                }
                if (!fromController && exposed.contains(server.id()) && apps.contains(server)) {
                    report.add(CHECK, server.id(), "is behind an Ingress but the ingress controller (namespace " + INGRESS_CONTROLLER_NAMESPACE + ") cannot reach port " + port);
                }
                if (verdict(stranger, server, port, "TCP", policies) == null) {
                    report.add(CHECK, server.id(), "is reachable on port " + port + " from any pod of any other namespace");
                }
            }
        }
    }

    /** Every port a PodMonitor scrapes is reachable from Prometheus. */
    private static void scrapes(List<Manifest> all, List<Pod> apps, Pod prometheus, List<Manifest> policies, Finding.Report report) {
        for (Manifest monitor : all) {
            if (!monitor.is("PodMonitor")) {
                continue;
            }
            for (Pod pod : apps) {
                if (!matches(monitor.node().path("spec").path("selector"), pod.labels())) {
                    continue;
                }
                for (JsonNode endpoint : Manifest.each(monitor.node().path("spec").path("podMetricsEndpoints"))) {
                    Integer port = pod.namedPorts().get(endpoint.path("port").asText());
                    if (port != null && verdict(prometheus, pod, port, "TCP", policies) != null) {
                        report.add(CHECK, pod.id(), "cannot be scraped: Prometheus (namespace " + MONITORING_NAMESPACE
                                + ") cannot reach port " + port + ", which " + monitor.id() + " scrapes");
                    }
                }
            }
        }
    }

    /** What egress to "anywhere" on web ports (or all ports) must leave out: private, shared, link-local (cloud metadata), loopback. */
    static final Map<String, List<String>> PRIVATE_RANGES = Map.of(
            "0.0.0.0/0", List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16", "100.64.0.0/10", "127.0.0.0/8"),
            "::/0", List.of("::1/128", "fc00::/7", "fe80::/10"));

    /**
     * ipBlock peers are not modelled as pods; this is their one rule: an egress rule to the whole
     * internet on 80/443 (webhooks, signature updates) or on every port must except the private
     * ranges, so no pod reaches the cluster's own network or a metadata endpoint through it.
     */
    private static void publicEgress(List<Manifest> policies, Finding.Report report) {
        for (Manifest policy : policies) {
            for (JsonNode rule : Manifest.each(policy.node().path("spec").path("egress"))) {
                List<String> web = new ArrayList<>();
                for (JsonNode p : Manifest.each(rule.path("ports"))) {
                    if (p.path("port").asInt() == 80 || p.path("port").asInt() == 443) {
                        web.add(p.path("port").asText());
                    }
                }
                boolean allPorts = rule.path("ports").isMissingNode() || rule.path("ports").isEmpty();
                if (web.isEmpty() && !allPorts) {
                    continue;
                }
                for (JsonNode peer : Manifest.each(rule.path("to"))) {
                    List<String> required = PRIVATE_RANGES.get(peer.path("ipBlock").path("cidr").asText());
                    if (required == null) {
                        continue;
                    }
                    Set<String> except = new LinkedHashSet<>();
                    peer.path("ipBlock").path("except").forEach(e -> except.add(e.asText()));
                    for (String range : required) {
                        if (!except.contains(range)) {
                            report.add(CHECK, policy.id(), "egress to " + peer.path("ipBlock").path("cidr").asText() + " on "
                                    + (allPorts ? "every port" : "port " + String.join("/", web)) + " does not except " + range
                                    + " (private, link-local/metadata and loopback addresses must stay unreachable)");
                        }
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------------------- the model

    private static void model(List<Manifest> all, String namespace, Map<String, String> nsLabels, List<Pod> apps, List<Pod> data, Map<String, Svc> services) {
        for (Manifest workload : all) {
            if (workload.is("Deployment") || workload.is("StatefulSet")) {
                JsonNode template = workload.podTemplate().orElseThrow();
                Map<String, Integer> named = new LinkedHashMap<>();
                Set<Integer> ports = new LinkedHashSet<>();
                for (JsonNode c : Manifest.each(template.path("spec").path("containers"))) {
                    for (JsonNode p : Manifest.each(c.path("ports"))) {
                        ports.add(p.path("containerPort").asInt());
                        if (p.has("name")) {
                            named.put(p.path("name").asText(), p.path("containerPort").asInt());
                        }
                    }
                }
                apps.add(new Pod(workload.id(), namespace, nsLabels, Manifest.stringMap(template.path("metadata").path("labels")), named, ports, workload, null));
            }
        }
        for (Manifest kafka : all) {
            if (kafka.is("Kafka")) {
                Set<Integer> ports = new LinkedHashSet<>();
                Manifest.each(kafka.node().path("spec").path("kafka").path("listeners")).forEach(l -> ports.add(l.path("port").asInt()));
                Pod broker = new Pod("Kafka/" + kafka.name() + " (broker pods)", namespace, nsLabels,
                        Map.of("strimzi.io/cluster", kafka.name(), "strimzi.io/kind", "Kafka", "strimzi.io/name", kafka.name() + "-kafka",
                                "strimzi.io/broker-role", "true"),
                        Map.of(), ports, kafka, kafka.node().path("spec").path("kafka").path("listeners"));
                data.add(broker);
                Map<Integer, Object> targets = new LinkedHashMap<>();
                ports.forEach(p -> targets.put(p, p));
                services.put(kafka.name() + "-kafka-bootstrap", new Svc(kafka.name() + "-kafka-bootstrap", List.of(broker), targets));
            }
            if (kafka.is("Cluster") && kafka.group().equals("postgresql.cnpg.io")) {
                Pod primary = new Pod("Cluster/" + kafka.name() + " (PostgreSQL pods)", namespace, nsLabels,
                        Map.of("cnpg.io/cluster", kafka.name(), "cnpg.io/instanceRole", "primary", "cnpg.io/podRole", "instance"),
                        Map.of("postgresql", 5432), Set.of(5432), kafka, null);
                data.add(primary);
                for (String suffix : List.of("-rw", "-ro", "-r")) {
                    services.put(kafka.name() + suffix, new Svc(kafka.name() + suffix, List.of(primary), Map.of(5432, 5432)));
                }
            }
        }
        for (Manifest svc : all) {
            if (svc.is("Service")) {
                Map<String, String> selector = Manifest.stringMap(svc.node().path("spec").path("selector"));
                List<Pod> pods = apps.stream().filter(p -> ReferenceCheck.selects(selector, p.labels())).toList();
                Map<Integer, Object> targets = new LinkedHashMap<>();
                for (JsonNode port : Manifest.each(svc.node().path("spec").path("ports"))) {
                    JsonNode target = port.has("targetPort") ? port.path("targetPort") : port.path("port");
                    targets.put(port.path("port").asInt(), target.isNumber() ? (Object) target.asInt() : target.asText());
                }
                services.put(svc.name(), new Svc(svc.name(), pods, targets));
            }
        }
    }

    /** Addresses a service only writes into what it sends (links in e-mails), never connects to. */
    private static final java.util.Set<String> NOT_CONNECTED = java.util.Set.of("SUPPORT_PUBLIC_URL");

    private static final Pattern URL = Pattern.compile("(?:jdbc:)?([a-z][a-z0-9+.\\-]*)://([^/:?,\\s]+)(?::(\\d+))?");

    private static List<Need> needs(Pod client, Map<String, ContainerEnv.Variable> env, Map<String, Svc> services, Finding.Report report) {
        List<Need> needs = new ArrayList<>();
        // besides URLs and server lists: a *_HOST naming a Service of the output with its *_PORT
        // (SUPPORT_ATTACHMENTS_CLAMD_HOST/_PORT), as "host:port"
        List<ContainerEnv.Variable> candidates = new ArrayList<>(env.values());
        for (ContainerEnv.Variable host : env.values()) {
            ContainerEnv.Variable port = env.get(host.name().replaceFirst("_HOST$", "_PORT"));
            if (host.name().endsWith("_HOST") && host.value() != null && port != null && port.value() != null
                    && port.value().matches("\\d+") && services.containsKey(host.value().split("\\.")[0])) {
                candidates.add(new ContainerEnv.Variable(host.name(), host.value() + ":" + port.value(), host.from()));
            }
        }
        for (ContainerEnv.Variable variable : candidates) {
            boolean hostAndPort = variable.name().endsWith("_HOST") && variable.value() != null && variable.value().contains(":");
            if (variable.value() == null || !(variable.name().endsWith("_URL") || variable.name().endsWith("_SERVERS") || hostAndPort)
                    || NOT_CONNECTED.contains(variable.name())) {
                continue;
            }
            List<String[]> endpoints = new ArrayList<>();
            Matcher url = URL.matcher(variable.value());
            if (url.find()) {
                String scheme = url.group(1);
                String port = url.group(3) != null ? url.group(3)
                        : switch (scheme) {
                            case "https" -> "443";
                            case "postgresql" -> "5432";
                            default -> "80";
                        };
                endpoints.add(new String[] {url.group(2), port});
            } else {
                for (String server : variable.value().split(",")) {
                    String s = server.trim();
                    if (s.contains(":")) {
                        endpoints.add(new String[] {s.substring(0, s.lastIndexOf(':')), s.substring(s.lastIndexOf(':') + 1)});
                    }
                }
            }
            for (String[] endpoint : endpoints) {
                String host = endpoint[0].split("\\.")[0];
                int port = Integer.parseInt(endpoint[1]);
                Svc svc = services.get(host);
                if (svc == null) {
                    report.add(CHECK, client.id(), variable.name() + " points at " + endpoint[0] + ":" + port
                            + ", which is no Service of the output (nor one Strimzi or CloudNativePG creates for it)");
                    continue;
                }
                Object target = svc.targetPorts().get(port);
                if (target == null) {
                    report.add(CHECK, client.id(), variable.name() + " uses port " + port + " of Service " + svc.name() + ", which has no such port");
                    continue;
                }
                if (svc.pods().isEmpty()) {
                    report.add(CHECK, client.id(), variable.name() + " points at Service " + svc.name() + ", which selects no pod");
                }
                for (Pod pod : svc.pods()) {
                    Integer number = target instanceof Integer i ? i : pod.namedPorts().get((String) target);
                    if (number != null) {
                        needs.add(new Need(pod, number, variable.name()));
                    }
                }
            }
        }
        return needs;
    }

    // ---------------------------------------------------------------------------- the semantics

    /** null when the connection is allowed; else which side blocks it. */
    static String verdict(Pod from, Pod to, int port, String protocol, List<Manifest> policies) {
        if (!allowedBy(from, to, port, protocol, policies, "Egress")) {
            return "no egress rule of " + from.id() + " allows it";
        }
        if (to.kafkaListeners() != null && strimziAllows(from, to, port)) {
            return null;
        }
        if (!allowedBy(to, from, port, protocol, policies, "Ingress")) {
            return "no ingress rule of " + to.id() + " allows it";
        }
        return null;
    }

    private static boolean isolated(Pod pod, List<Manifest> policies, String type) {
        return policies.stream().anyMatch(p -> selectsPod(p, pod) && types(p).contains(type));
    }

    /** For Ingress: subject = the server, peer = the client. For Egress: subject = the client, peer = the server. */
    private static boolean allowedBy(Pod subject, Pod peer, int port, String protocol, List<Manifest> policies, String type) {
        Pod server = type.equals("Ingress") ? subject : peer;
        List<Manifest> selecting = policies.stream().filter(p -> selectsPod(p, subject) && types(p).contains(type)).toList();
        if (selecting.isEmpty()) {
            return true; // not isolated in that direction (or a pod of another namespace: not our policies)
        }
        for (Manifest policy : selecting) {
            String rulesField = type.equals("Ingress") ? "ingress" : "egress";
            String peersField = type.equals("Ingress") ? "from" : "to";
            for (JsonNode rule : Manifest.each(policy.node().path("spec").path(rulesField))) {
                if (peers(rule.path(peersField), peer, policy.namespace()) && ports(rule.path("ports"), port, protocol, server)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean strimziAllows(Pod from, Pod broker, int port) {
        for (JsonNode listener : Manifest.each(broker.kafkaListeners())) {
            if (listener.path("port").asInt() == port) {
                return !listener.has("networkPolicyPeers") || listener.path("networkPolicyPeers").isEmpty()
                        || peers(listener.path("networkPolicyPeers"), from, broker.namespace());
            }
        }
        return false;
    }

    private static boolean selectsPod(Manifest policy, Pod pod) {
        return policy.namespace().equals(pod.namespace()) && matches(policy.node().path("spec").path("podSelector"), pod.labels());
    }

    private static Set<String> types(Manifest policy) {
        Set<String> types = new LinkedHashSet<>();
        JsonNode spec = policy.node().path("spec");
        if (spec.has("policyTypes")) {
            spec.path("policyTypes").forEach(t -> types.add(t.asText()));
        } else {
            types.add("Ingress");
            if (spec.has("egress")) {
                types.add("Egress");
            }
        }
        return types;
    }

    private static boolean peers(JsonNode list, Pod peer, String policyNamespace) {
        if (list.isMissingNode() || list.isNull() || (list.isArray() && list.isEmpty())) {
            return true;
        }
        for (JsonNode p : Manifest.each(list)) {
            if (p.has("ipBlock")) {
                continue;
            }
            boolean namespaceOk = p.has("namespaceSelector") ? matches(p.path("namespaceSelector"), peer.namespaceLabels())
                    : policyNamespace.equals(peer.namespace());
            boolean podOk = !p.has("podSelector") || matches(p.path("podSelector"), peer.labels());
            if (namespaceOk && podOk) {
                return true;
            }
        }
        return false;
    }

    private static boolean ports(JsonNode list, int port, String protocol, Pod server) {
        if (list.isMissingNode() || list.isNull() || (list.isArray() && list.isEmpty())) {
            return true;
        }
        for (JsonNode p : Manifest.each(list)) {
            if (!p.path("protocol").asText("TCP").equals(protocol)) {
                continue;
            }
            JsonNode value = p.path("port");
            if (value.isMissingNode()) {
                return true;
            }
            Optional<Integer> number = value.isNumber() ? Optional.of(value.asInt()) : Optional.ofNullable(server.namedPorts().get(value.asText()));
            if (number.isPresent() && (number.get() == port || (p.has("endPort") && port >= number.get() && port <= p.path("endPort").asInt()))) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(JsonNode selector, Map<String, String> labels) {
        if (selector.isMissingNode() || selector.isNull()) {
            return true;
        }
        for (Map.Entry<String, String> e : Manifest.stringMap(selector.path("matchLabels")).entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (JsonNode expression : Manifest.each(selector.path("matchExpressions"))) {
            String key = expression.path("key").asText();
            Set<String> values = new LinkedHashSet<>();
            expression.path("values").forEach(v -> values.add(v.asText()));
            boolean ok = switch (expression.path("operator").asText()) {
                case "In" -> labels.containsKey(key) && values.contains(labels.get(key));
                case "NotIn" -> !labels.containsKey(key) || !values.contains(labels.get(key));
                case "Exists" -> labels.containsKey(key);
                case "DoesNotExist" -> !labels.containsKey(key);
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
