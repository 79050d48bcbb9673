package com.logishift.support.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every environment variable given to a service corresponds to configuration the service really
 * reads (MicroProfile Config maps support.jwt.private-key-file to SUPPORT_JWT_PRIVATE_KEY_FILE):
 * <ol>
 * <li>a variable its application.properties refers to, as in {@code ${SUPPORT_JWKS_URL:…}};</li>
 * <li>the environment form of a key of its application.properties, @ConfigMapping interfaces or
 * {@code @ConfigProperty} injections (a Quarkus key must be changeable at run time);</li>
 * <li>KAFKA_* (only for a service that uses Kafka): Quarkus hands kafka.* to every Kafka client,
 * so the rest must be a real Kafka client setting (KAFKA_SASL_JAAS_CONFIG -> sasl.jaas.config);</li>
 * <li>QUARKUS_*: a run-time key of one of the Quarkus extensions the services use;</li>
 * <li>MP_MESSAGING_*: an attribute of one of the service's own channels; MP_JWT_* / SMALLRYE_JWT_*:
 * a key from framework-keys.txt, for a service that verifies tokens;</li>
 * <li>JDK_JAVA_OPTIONS / JAVA_TOOL_OPTIONS, read by the JVM itself.</li>
 * </ol>
 * Anything else is reported. The port the container declares as "http" must be the port the
 * service listens on (QUARKUS_HTTP_PORT, else quarkus.http.port).
 */
final class ConfigCheck {

    static final String CHECK = "service-config";

    private static final Set<String> JVM = Set.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS");

    private ConfigCheck() {
    }

    static void check(List<Manifest> all, Finding.Report report) {
        for (Manifest workload : all) {
            if (!workload.is("Deployment") || ThirdParty.is(workload)) {
                continue;
            }
            String service = ContainerEnv.serviceOf(workload);
            ServiceSources sources;
            try {
                sources = ServiceSources.of(service);
            } catch (IllegalStateException e) {
                report.add(CHECK, workload, "cannot tell what " + service + " reads: " + e.getMessage());
                continue;
            }
            for (JsonNode container : Manifest.each(workload.podTemplate().orElseThrow().path("spec").path("containers"))) {
                Map<String, ContainerEnv.Variable> env = ContainerEnv.of(container, all);
                for (ContainerEnv.Variable variable : env.values()) {
                    explain(variable.name(), sources).ifPresent(problem ->
                            report.add(CHECK, workload, "container " + container.path("name").asText() + ": " + variable.name()
                                    + " (from " + variable.from() + ") " + problem));
                }
                port(workload, container, env, sources, report);
                proxies(workload, container, env, report);
            }
        }
        issuer(all, report);
    }

    /** Tokens issued by agent-service must carry the issuer every other service verifies. */
    private static void issuer(List<Manifest> all, Finding.Report report) {
        Map<String, String> verified = new java.util.TreeMap<>();
        String issued = null;
        for (Manifest workload : all) {
            Optional<ServiceSources> known = ServiceSources.ofDeployment(workload);
            if (known.isEmpty()) {
                continue;
            }
            ServiceSources sources = known.get();
            Map<String, ContainerEnv.Variable> env = new java.util.LinkedHashMap<>();
            Manifest.each(workload.podTemplate().orElseThrow().path("spec").path("containers")).forEach(c -> env.putAll(ContainerEnv.of(c, all)));
            if (sources.keys().contains("support.jwt.issuer")) {
                issued = Optional.ofNullable(env.get("SUPPORT_JWT_ISSUER")).map(ContainerEnv.Variable::value)
                        .or(() -> sources.value("support.jwt.issuer")).orElse(null);
            }
            Optional.ofNullable(env.get("MP_JWT_VERIFY_ISSUER")).map(ContainerEnv.Variable::value)
                    .or(() -> sources.value("mp.jwt.verify.issuer").filter(v -> !v.startsWith("${")))
                    .ifPresent(v -> verified.put(workload.name(), v));
        }
        if (issued != null) {
            for (Map.Entry<String, String> v : verified.entrySet()) {
                if (!v.getValue().equals(issued)) {
                    report.add(CHECK, "Deployment/" + v.getKey(), "verifies tokens issued by " + v.getValue()
                            + ", but agent-service issues them as " + issued + " (set MP_JWT_VERIFY_ISSUER to match)");
                }
            }
        }
    }

    /** Empty when the variable is one the service reads; else what is wrong with it. */
    static Optional<String> explain(String name, ServiceSources sources) {
        if (sources.envReferences().contains(name) || JVM.contains(name)) {
            return Optional.empty();
        }
        for (String key : sources.keys()) {
            if (ServiceSources.envName(key).equals(name)) {
                if (key.startsWith("quarkus.")) {
                    Optional<FrameworkKeys.QuarkusKey> q = FrameworkKeys.quarkus(name);
                    if (q.isPresent() && !q.get().runtime()) {
                        return Optional.of("sets " + key + ", which is fixed at build time (" + q.get().phase() + "): it has no effect at run time");
                    }
                }
                return Optional.empty();
            }
        }
        if (name.startsWith("KAFKA_")) {
            if (!sources.usesKafka()) {
                return Optional.of("is a Kafka setting, but " + sources.service() + " uses no Kafka");
            }
            String property = name.substring("KAFKA_".length()).toLowerCase().replace('_', '.');
            return FrameworkKeys.KAFKA_CLIENT.contains(property) ? Optional.empty()
                    : Optional.of("would become the Kafka client setting \"" + property + "\", which Kafka clients do not have");
        }
        if (name.startsWith("QUARKUS_")) {
            Optional<FrameworkKeys.QuarkusKey> q = FrameworkKeys.quarkus(name);
            if (q.isEmpty()) {
                return Optional.of("matches no configuration key of the Quarkus extensions the services use");
            }
            if (!q.get().runtime()) {
                return Optional.of("sets " + q.get().property() + ", which is fixed at build time (" + q.get().phase() + ")");
            }
            if (q.get().property().startsWith("quarkus.datasource") && !sources.hasDatabase()) {
                return Optional.of("configures a datasource, but " + sources.service() + " has none");
            }
            return Optional.empty();
        }
        if (name.startsWith("MP_MESSAGING_")) {
            for (Map.Entry<String, String> channel : sources.channels().entrySet()) {
                if (name.startsWith("MP_MESSAGING_" + channel.getValue().toUpperCase() + "_" + ServiceSources.envName(channel.getKey()) + "_")) {
                    return Optional.empty();
                }
            }
            return Optional.of("is about a messaging channel " + sources.service() + " does not have (channels: " + sources.channels().keySet() + ")");
        }
        if (name.startsWith("MP_JWT_") || name.startsWith("SMALLRYE_JWT_")) {
            boolean verifies = sources.keys().stream().anyMatch(k -> k.startsWith("mp.jwt."));
            boolean known = FrameworkKeys.MICROPROFILE.stream().anyMatch(k -> ServiceSources.envName(k).equals(name));
            return verifies && known ? Optional.empty() : Optional.of("is not a MicroProfile/SmallRye JWT key " + sources.service() + " uses");
        }
        return Optional.of("maps to no configuration key that " + sources.service() + " reads ("
                + sources.origin() + " and its @ConfigMapping interfaces)");
    }

    /**
     * With forwarded headers on, only the trusted proxies (the ingress controller's pods) may set the
     * client's address: trusting every address would let any caller forge X-Forwarded-For.
     */
    private static void proxies(Manifest workload, JsonNode container, Map<String, ContainerEnv.Variable> env, Finding.Report report) {
        boolean forwarding = Optional.ofNullable(env.get("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING")).map(ContainerEnv.Variable::value)
                .map(Boolean::parseBoolean).orElse(false);
        if (!forwarding) {
            return;
        }
        String trusted = Optional.ofNullable(env.get("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES")).map(ContainerEnv.Variable::value).orElse("");
        String where = "container " + container.path("name").asText() + ": ";
        if (trusted.isBlank()) {
            report.add(CHECK, workload, where + "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING is on without QUARKUS_HTTP_PROXY_TRUSTED_PROXIES"
                    + " (the ingress controller's addresses)");
        }
        for (String proxy : trusted.split(",")) {
            if (proxy.trim().matches("0\\.0\\.0\\.0/0|::/0")) {
                report.add(CHECK, workload, where + "QUARKUS_HTTP_PROXY_TRUSTED_PROXIES trusts " + proxy.trim()
                        + ": any caller could set its own X-Forwarded-For; name the ingress controller's addresses");
            }
        }
    }

    private static void port(Manifest workload, JsonNode container, Map<String, ContainerEnv.Variable> env, ServiceSources sources, Finding.Report report) {
        String listens = Optional.ofNullable(env.get("QUARKUS_HTTP_PORT")).map(ContainerEnv.Variable::value)
                .or(() -> sources.value("quarkus.http.port")).orElse("8080");
        // Quarkus' management interface (health, metrics), when the service turns it on
        boolean managed = sources.value("quarkus.management.enabled").map(Boolean::parseBoolean).orElse(false);
        String manages = Optional.ofNullable(env.get("QUARKUS_MANAGEMENT_PORT")).map(ContainerEnv.Variable::value)
                .or(() -> sources.value("quarkus.management.port")).orElse("9000");
        boolean declaresManagement = false;
        for (JsonNode port : Manifest.each(container.path("ports"))) {
            if ("http".equals(port.path("name").asText()) && !listens.equals(port.path("containerPort").asText())) {
                report.add(CHECK, workload, "container " + container.path("name").asText() + " declares port http = "
                        + port.path("containerPort").asText() + ", but " + sources.service() + " listens on " + listens);
            }
            if (NetworkCheck.MANAGEMENT_PORT.equals(port.path("name").asText())) {
                declaresManagement = true;
                if (!managed) {
                    report.add(CHECK, workload, "container " + container.path("name").asText() + " declares port "
                            + NetworkCheck.MANAGEMENT_PORT + ", but " + sources.service() + " has no management interface");
                } else if (!manages.equals(port.path("containerPort").asText())) {
                    report.add(CHECK, workload, "container " + container.path("name").asText() + " declares port "
                            + NetworkCheck.MANAGEMENT_PORT + " = " + port.path("containerPort").asText() + ", but "
                            + sources.service() + " serves health and metrics on " + manages);
                }
            }
        }
        if (managed) {
            // with a management interface, /q/health is served there and nowhere else
            for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                JsonNode port = container.path(probe).path("httpGet").path("port");
                if (!port.isMissingNode() && !port.asText().equals(NetworkCheck.MANAGEMENT_PORT) && !port.asText().equals(manages)) {
                    report.add(CHECK, workload, "container " + container.path("name").asText() + ": " + probe + " uses port "
                            + port.asText() + ", but " + sources.service() + " serves health on its management port " + manages);
                }
            }
        }
        if (managed && !declaresManagement) {
            report.add(CHECK, workload, "container " + container.path("name").asText() + " declares no port "
                    + NetworkCheck.MANAGEMENT_PORT + ", but " + sources.service() + " serves health and metrics on " + manages
                    + " (its probes need it)");
        }
    }
}
