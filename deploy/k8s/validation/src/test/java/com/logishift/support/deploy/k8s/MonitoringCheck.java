package com.logishift.support.deploy.k8s;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Alerts, dashboards and scraping:
 * <ul>
 * <li>every expression of a PrometheusRule and of a Grafana dashboard (ConfigMaps labelled
 * grafana_dashboard=1; panel targets, as recording rules of a generated rules file) parses with
 * promtool, and every metric name in it is one of deploy/k8s/monitoring/metrics.tsv;</li>
 * <li>every alert has a severity (critical, warning, info), a summary, a description and a
 * runbook_url pointing at deploy/k8s/README.md#ALERT-IN-KEBAB-CASE, an anchor the README has;</li>
 * <li>every service Deployment is scraped: a PodMonitor selects its pods with the port that serves
 * /q/metrics (management when the service has a management interface, else http) and path /q/metrics.</li>
 * </ul>
 */
final class MonitoringCheck {

    static final String CHECK = "monitoring";
    static final Set<String> SEVERITIES = Set.of("critical", "warning", "info");
    static final String RUNBOOK = "deploy/k8s/README.md";

    private static final Pattern RUNBOOK_URL = Pattern.compile(".*" + Pattern.quote(RUNBOOK) + "#([a-z0-9-]+)$");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,");

    private MonitoringCheck() {
    }

    static void check(List<Manifest> all, Finding.Report report) {
        for (Manifest m : all) {
            if (m.is("PrometheusRule")) {
                rules(m, report);
            }
            if (m.is("ConfigMap") && "1".equals(m.labels().get("grafana_dashboard"))) {
                dashboards(m, report);
            }
        }
        scraped(all, report);
    }

    // ------------------------------------------------------------------------- the metric catalogue

    private static Map<String, String> catalogue;

    /** name -> type, from deploy/k8s/monitoring/metrics.tsv. */
    static synchronized Map<String, String> catalogue() {
        if (catalogue == null) {
            Map<String, String> names = new LinkedHashMap<>();
            try {
                for (String line : Files.readAllLines(Repo.k8s().resolve("monitoring/metrics.tsv"))) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        String[] columns = line.split("\t");
                        names.put(columns[0].trim(), columns.length > 1 ? columns[1].trim() : "");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            catalogue = names;
        }
        return catalogue;
    }

    /** A name the catalogue lists, or a histogram/summary series of a base name it lists. */
    static boolean known(String metric) {
        if (catalogue().containsKey(metric)) {
            return true;
        }
        Matcher suffix = Pattern.compile("(.+)_(bucket|count|sum)$").matcher(metric);
        return suffix.matches() && catalogue().containsKey(suffix.group(1));
    }

    private static void metrics(Manifest m, String where, String expression, Finding.Report report) {
        for (String name : PromQL.metricNames(expression)) {
            if (!known(name)) {
                report.add(CHECK, m, where + ": metric " + name + " is not in deploy/k8s/monitoring/metrics.tsv (no service exports it)");
            }
        }
    }

    /** promtool's verdict on a rules file; each line of its complaint is a finding. */
    private static void parse(Manifest m, String rulesYaml, Map<String, String> names, Finding.Report report) {
        if (!Promtool.available()) {
            return;
        }
        Promtool.Result result = Promtool.checkRules(rulesYaml);
        if (result.ok()) {
            return;
        }
        for (String line : result.output().split("\\R")) {
            String text = line.trim();
            if (text.isEmpty() || text.startsWith("Checking ") || text.equals("FAILED:")) {
                continue;
            }
            String where = names.entrySet().stream().filter(e -> text.contains("\"" + e.getKey() + "\"")).map(Map.Entry::getValue)
                    .findFirst().orElse("promtool");
            report.add(CHECK, m, where + ": " + text);
        }
    }

    // ----------------------------------------------------------------------------------- alerts

    private static void rules(Manifest m, Finding.Report report) {
        JsonNode spec = m.node().path("spec");
        Map<String, String> names = new LinkedHashMap<>();
        for (JsonNode group : Manifest.each(spec.path("groups"))) {
            for (JsonNode rule : Manifest.each(group.path("rules"))) {
                String name = rule.has("alert") ? rule.path("alert").asText() : rule.path("record").asText();
                String where = (rule.has("alert") ? "alert " : "rule ") + name;
                names.put(name, where);
                metrics(m, where, rule.path("expr").asText(), report);
                if (rule.has("alert")) {
                    alert(m, name, rule, report);
                }
            }
        }
        try {
            parse(m, Manifest.YAML.writeValueAsString(spec), names, report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void alert(Manifest m, String name, JsonNode rule, Finding.Report report) {
        String where = "alert " + name;
        String severity = rule.path("labels").path("severity").asText("");
        if (!SEVERITIES.contains(severity)) {
            report.add(CHECK, m, where + ": label severity must be one of " + new TreeSet<>(SEVERITIES) + (severity.isEmpty() ? "" : ", is " + severity));
        }
        for (String annotation : List.of("summary", "description", "runbook_url")) {
            if (rule.path("annotations").path(annotation).asText("").isBlank()) {
                report.add(CHECK, m, where + ": has no annotation " + annotation);
            }
        }
        String url = rule.path("annotations").path("runbook_url").asText("");
        if (url.isBlank()) {
            return;
        }
        String anchor = ServiceSources.kebab(name);
        Matcher matcher = RUNBOOK_URL.matcher(url);
        if (!matcher.matches() || !matcher.group(1).equals(anchor)) {
            report.add(CHECK, m, where + ": runbook_url " + url + " must point at " + RUNBOOK + "#" + anchor);
        } else if (!runbookAnchors().contains(anchor)) {
            report.add(CHECK, m, where + ": runbook_url " + url + " names an anchor " + RUNBOOK + " does not have (write its runbook section there)");
        }
    }

    /** Explicit anchors (<a id="…">) and the GitHub anchors of the headings of deploy/k8s/README.md. */
    static Set<String> runbookAnchors() {
        Set<String> anchors = new TreeSet<>();
        try {
            for (String line : Files.readAllLines(Repo.root().resolve(RUNBOOK))) {
                Matcher explicit = Pattern.compile("<a (?:id|name)=\"([^\"]+)\"").matcher(line);
                while (explicit.find()) {
                    anchors.add(explicit.group(1));
                }
                if (line.startsWith("#")) {
                    anchors.add(line.replaceFirst("^#+\\s*", "").replaceAll("<[^>]*>", "").trim().toLowerCase()
                            .replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return anchors;
    }

    // ------------------------------------------------------------------------------- dashboards

    private static void dashboards(Manifest m, Finding.Report report) {
        m.node().path("data").fields().forEachRemaining(file -> {
            JsonNode dashboard;
            try {
                dashboard = Manifest.JSON.readTree(file.getValue().asText());
            } catch (JsonProcessingException e) {
                report.add(CHECK, m, file.getKey() + " is not JSON: " + e.getOriginalMessage());
                return;
            }
            ObjectNode rules = Manifest.JSON.createObjectNode();
            ArrayNode list = rules.putArray("groups").addObject().put("name", "dashboard").putArray("rules");
            Map<String, String> names = new LinkedHashMap<>();
            for (JsonNode panel : panels(dashboard)) {
                String title = "panel \"" + panel.path("title").asText() + "\"";
                for (JsonNode target : Manifest.each(panel.path("targets"))) {
                    String expr = target.path("expr").asText("");
                    if (expr.isBlank()) {
                        continue;
                    }
                    String expression = PromQL.withoutGrafanaVariables(expr);
                    metrics(m, title, expression, report);
                    String record = "dashboard:panel_" + panel.path("id").asText() + "_" + target.path("refId").asText("X");
                    names.put(record, title);
                    list.addObject().put("record", record).put("expr", expression);
                }
            }
            for (JsonNode variable : Manifest.each(dashboard.path("templating").path("list"))) {
                JsonNode query = variable.path("query");
                Matcher values = LABEL_VALUES.matcher(query.isObject() ? query.path("query").asText("") : query.asText(""));
                if (values.find() && !known(values.group(1))) {
                    report.add(CHECK, m, "variable " + variable.path("name").asText() + ": metric " + values.group(1)
                            + " is not in deploy/k8s/monitoring/metrics.tsv (no service exports it)");
                }
            }
            if (names.isEmpty()) {
                report.add(CHECK, m, file.getKey() + " has no panel with a PromQL expression");
                return;
            }
            try {
                parse(m, Manifest.YAML.writeValueAsString(rules), names, report);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Every panel of a dashboard, including those inside (collapsed) rows. */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : Manifest.each(dashboard.path("panels"))) {
            panels.add(panel);
            Manifest.each(panel.path("panels")).forEach(panels::add);
        }
        return panels;
    }

    // ---------------------------------------------------------------------------------- scraping

    private static void scraped(List<Manifest> all, Finding.Report report) {
        List<Manifest> monitors = all.stream().filter(p -> p.is("PodMonitor")).toList();
        for (Manifest workload : all) {
            Optional<ServiceSources> sources = ServiceSources.ofDeployment(workload);
            if (sources.isEmpty() || ThirdParty.is(workload)) {
                continue;
            }
            boolean managed = sources.get().value("quarkus.management.enabled").map(Boolean::parseBoolean).orElse(false);
            String port = managed ? NetworkCheck.MANAGEMENT_PORT : "http";
            Map<String, String> labels = Manifest.stringMap(workload.podTemplate().orElseThrow().path("metadata").path("labels"));
            boolean found = false;
            for (Manifest monitor : monitors) {
                if (!NetworkCheck.matches(monitor.node().path("spec").path("selector"), labels)) {
                    continue;
                }
                for (JsonNode endpoint : Manifest.each(monitor.node().path("spec").path("podMetricsEndpoints"))) {
                    found |= port.equals(endpoint.path("port").asText()) && "/q/metrics".equals(endpoint.path("path").asText("/metrics"));
                }
            }
            if (!found) {
                report.add(CHECK, workload, "no PodMonitor scrapes its /q/metrics (port " + port + ", path /q/metrics)");
            }
        }
    }
}
