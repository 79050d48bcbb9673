package com.logishift.support.deploy.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What distinguishes the overlays: dev runs everything once, prod is highly available. */
class OverlayPoliciesTest {

    static final Set<String> SERVICES = Set.of("gateway", "agent-service", "ticket-service", "faq-service", "notification-service");
    static final Set<String> AUTOSCALED = Set.of("gateway", "ticket-service");
    /** Deployments beside the services: clamd (ThirdParty). */
    static final Set<String> THIRD_PARTY = ThirdParty.IMAGES.keySet();
    static final Map<String, String> TOPICS = Map.of(
            "support.ticket-events", "delete",
            "support.account-events", "compact",
            "support.notifications.dlq", "",
            "support.account-events.ticket-service.dlq", "");

    @BeforeAll
    static void render() {
        Kubectl.prefetch(List.of(Repo.overlays().resolve("dev"), Repo.overlays().resolve("prod")));
    }

    static List<Manifest> dev() {
        return Kubectl.render(Repo.overlays().resolve("dev"));
    }

    static List<Manifest> prod() {
        return Kubectl.render(Repo.overlays().resolve("prod"));
    }

    static List<Manifest> of(List<Manifest> all, String kind) {
        return all.stream().filter(m -> m.is(kind)).toList();
    }

    @Test
    void bothOverlaysContainEveryServiceWithItsFourObjects() {
        for (List<Manifest> all : List.of(dev(), prod())) {
            for (String kind : List.of("Deployment", "Service", "ServiceAccount")) {
                Set<String> names = new TreeSet<>();
                of(all, kind).forEach(m -> names.add(m.name()));
                assertTrue(names.containsAll(SERVICES), kind + "s: " + names);
            }
            Set<String> configMaps = new TreeSet<>();
            of(all, "ConfigMap").forEach(m -> configMaps.add(m.name()));
            SERVICES.forEach(s -> assertTrue(configMaps.contains(s + "-config"), "ConfigMap " + s + "-config missing: " + configMaps));
            assertEquals(1, of(all, "Ingress").size(), "exactly one Ingress (the gateway's)");
            assertTrue(of(all, "Ingress").get(0).node().path("spec").path("tls").size() > 0, "the Ingress terminates TLS");
        }
    }

    @Test
    void devRunsEverythingOnce() {
        List<Manifest> dev = dev();
        for (Manifest d : of(dev, "Deployment")) {
            assertEquals(1, d.node().path("spec").path("replicas").asInt(1), d.id());
        }
        List<Manifest> pools = of(dev, "KafkaNodePool");
        assertEquals(1, pools.size(), "one node pool");
        JsonNode pool = pools.get(0).node().path("spec");
        assertEquals(1, pool.path("replicas").asInt(), "a single Kafka node");
        assertEquals(Set.of("controller", "broker"), roles(pool), "that node is controller and broker");
        for (Manifest topic : of(dev, "KafkaTopic")) {
            assertEquals(1, topic.node().path("spec").path("replicas").asInt(), topic.id());
            assertEquals(1, topic.node().path("spec").path("config").path("min.insync.replicas").asInt(), topic.id());
        }
        List<Manifest> clusters = of(dev, "Cluster");
        assertEquals(1, clusters.size(), "one PostgreSQL cluster");
        assertEquals(1, clusters.get(0).node().path("spec").path("instances").asInt(), "one PostgreSQL instance");
        assertTrue(of(dev, "HorizontalPodAutoscaler").isEmpty(), "no autoscaling in dev");
    }

    @Test
    void prodIsHighlyAvailable() {
        List<Manifest> prod = prod();
        Map<String, Integer> hpaMin = new TreeMap<>();
        for (Manifest hpa : of(prod, "HorizontalPodAutoscaler")) {
            assertEquals("autoscaling/v2", hpa.apiVersion());
            hpaMin.put(hpa.node().path("spec").path("scaleTargetRef").path("name").asText(), hpa.node().path("spec").path("minReplicas").asInt());
        }
        assertEquals(AUTOSCALED, hpaMin.keySet(), "HorizontalPodAutoscalers for the gateway and ticket-service");
        hpaMin.forEach((name, min) -> assertTrue(min >= 2, name + " autoscales from " + min));
        Set<String> budgets = new TreeSet<>();
        of(prod, "PodDisruptionBudget").forEach(p -> budgets.add(p.node().path("spec").path("selector").path("matchLabels").path("app.kubernetes.io/name").asText()));
        Set<String> budgeted = new TreeSet<>(SERVICES);
        budgeted.addAll(THIRD_PARTY);
        assertEquals(budgeted, budgets, "a PodDisruptionBudget per service and for clamd");
        for (Manifest d : of(prod, "Deployment")) {
            JsonNode spec = d.node().path("spec");
            if (AUTOSCALED.contains(d.name())) {
                assertTrue(!spec.has("replicas") || spec.path("replicas").asInt() >= 2, d.id() + ": the autoscaler owns the replica count");
            } else {
                assertTrue(spec.path("replicas").asInt() >= 2, d.id() + " runs at least two pods");
            }
            Set<String> keys = new TreeSet<>();
            Manifest.each(spec.path("template").path("spec").path("topologySpreadConstraints")).forEach(t -> keys.add(t.path("topologyKey").asText()));
            assertEquals(Set.of("kubernetes.io/hostname", "topology.kubernetes.io/zone"), keys, d.id() + " spreads over nodes and zones");
        }
        int controllers = 0;
        int brokers = 0;
        for (Manifest pool : of(prod, "KafkaNodePool")) {
            Set<String> roles = roles(pool.node().path("spec"));
            int replicas = pool.node().path("spec").path("replicas").asInt();
            controllers += roles.contains("controller") ? replicas : 0;
            brokers += roles.contains("broker") ? replicas : 0;
        }
        assertTrue(controllers >= 3 && brokers >= 3, "three controllers and three brokers, got " + controllers + "/" + brokers);
        for (Manifest topic : of(prod, "KafkaTopic")) {
            assertEquals(3, topic.node().path("spec").path("replicas").asInt(), topic.id());
            assertEquals(2, topic.node().path("spec").path("config").path("min.insync.replicas").asInt(), topic.id());
        }
        assertTrue(of(prod, "Cluster").get(0).node().path("spec").path("instances").asInt() >= 3, "three PostgreSQL instances");
    }

    @Test
    void bothOverlaysScanUploadsAndShipTheMonitoring() {
        for (List<Manifest> all : List.of(dev(), prod())) {
            Manifest ticket = of(all, "Deployment").stream().filter(d -> d.name().equals("ticket-service")).findFirst().orElseThrow();
            Map<String, ContainerEnv.Variable> env = ContainerEnv.of(ticket.podTemplate().orElseThrow().path("spec").path("containers").path(0), all);
            assertEquals("clamd", env.get("SUPPORT_ATTACHMENTS_CLAMD_HOST").value(), "ticket-service scans with clamd");
            assertEquals("3310", env.get("SUPPORT_ATTACHMENTS_CLAMD_PORT").value());
            Set<String> monitoring = new TreeSet<>();
            all.stream().filter(m -> m.group().equals("monitoring.coreos.com")).forEach(m -> monitoring.add(m.id()));
            assertEquals(Set.of("PodMonitor/backend-services", "PodMonitor/gateway", "PrometheusRule/logishift-support-alerts"), monitoring);
            assertTrue(of(all, "ConfigMap").stream().anyMatch(c -> "1".equals(c.labels().get("grafana_dashboard"))
                    && c.node().path("data").has("logishift-support.json")), "the dashboard ConfigMap for Grafana's sidecar");
        }
    }

    @Test
    void topicsAreTheContractedOnes() {
        for (List<Manifest> all : List.of(dev(), prod())) {
            Map<String, JsonNode> topics = new TreeMap<>();
            of(all, "KafkaTopic").forEach(t -> topics.put(t.node().path("spec").path("topicName").asText(t.name()), t.node().path("spec")));
            assertEquals(new TreeSet<>(TOPICS.keySet()), topics.keySet());
            TOPICS.forEach((name, policy) -> {
                if (!policy.isEmpty()) {
                    assertEquals(policy, topics.get(name).path("config").path("cleanup.policy").asText(), name + " cleanup.policy");
                }
            });
            assertEquals(3, topics.get("support.ticket-events").path("partitions").asInt());
            assertEquals(3, topics.get("support.account-events").path("partitions").asInt());
        }
    }

    @Test
    void otherLogisticsServicesGetAReadOnlyUser() {
        Manifest reader = of(prod(), "KafkaUser").stream().filter(u -> u.name().equals("support-ticket-events-reader")).findFirst().orElseThrow();
        Set<String> acls = new TreeSet<>();
        KafkaCheck.granted(reader).forEach(a -> acls.add(a.toString()));
        assertEquals(Set.of("Read on topic support.ticket-events", "Describe on topic support.ticket-events", "Read on group logistics- (prefix)"), acls);
    }

    @Test
    void theJwtSigningKeyGoesToAgentServiceOnly() {
        for (Manifest d : of(prod(), "Deployment")) {
            boolean mounts = false;
            for (JsonNode v : Manifest.each(d.node().path("spec").path("template").path("spec").path("volumes"))) {
                mounts |= "agent-service-jwt".equals(v.path("secret").path("secretName").asText());
            }
            assertEquals(d.name().equals("agent-service"), mounts, d.id());
        }
    }

    @Test
    void eachOverlaysImagesReachItsDeployments() throws java.io.IOException {
        for (java.nio.file.Path overlay : OverlaysTest.overlays()) {
            JsonNode kustomization = Manifest.YAML.readTree(java.nio.file.Files.readString(overlay.resolve("kustomization.yaml")));
            Map<String, String> expected = new TreeMap<>();
            for (JsonNode image : Manifest.each(kustomization.path("images"))) {
                String ref = image.path("newName").asText(image.path("name").asText())
                        + (image.has("newTag") ? ":" + image.path("newTag").asText() : "")
                        + (image.has("digest") ? "@" + image.path("digest").asText() : "");
                expected.put(image.path("name").asText(), ref);
            }
            assertEquals(new TreeSet<>(SERVICES), expected.keySet(), overlay.getFileName() + ": an images: entry per service");
            for (Manifest d : of(Kubectl.render(overlay), "Deployment")) {
                if (THIRD_PARTY.contains(d.name())) {
                    continue; // pinned in its own manifest
                }
                String image = d.node().path("spec").path("template").path("spec").path("containers").path(0).path("image").asText();
                assertEquals(expected.get(d.name()), image, overlay.getFileName() + " " + d.id() + ": the overlay's image");
            }
        }
    }

    @Test
    void everyListedProvidedSecretIsUsed() {
        String rendered = dev().toString() + prod();
        for (String name : ProvidedSecrets.ALL.keySet()) {
            assertTrue(rendered.contains("\"" + name + "\""), "provided-secrets.yaml lists " + name + ", which no overlay uses");
        }
    }

    @Test
    void createSecretsShCreatesExactlyTheSecretsYouProvide() throws Exception {
        Process list = new ProcessBuilder("bash", Repo.k8s().resolve("create-secrets.sh").toString(), "--list").start();
        Set<String> created = new TreeSet<>(List.of(new String(list.getInputStream().readAllBytes()).trim().split("\\s+")));
        assertEquals(0, list.waitFor(), "create-secrets.sh --list failed");
        Set<String> yours = new TreeSet<>();
        ProvidedSecrets.ALL.values().stream().filter(e -> e.providedBy().equals("you")).forEach(e -> yours.add(e.name()));
        assertEquals(yours, created, "create-secrets.sh vs. the providedBy: you entries of provided-secrets.yaml");
    }

    private static Set<String> roles(JsonNode poolSpec) {
        Set<String> roles = new TreeSet<>();
        poolSpec.path("roles").forEach(r -> roles.add(r.asText()));
        return roles;
    }
}
