package com.logishift.support.deploy.k8s;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The alerts' unit tests (deploy/k8s/monitoring/tests/alerts.test.yaml) run with
 * {@code promtool test rules} against the rules of the PrometheusRule as the dev overlay renders it:
 * each alert fires on its synthetic series when it should and stays silent otherwise.
 */
class AlertRulesTest {

    static final Path TESTS = Repo.k8s().resolve("monitoring/tests/alerts.test.yaml");

    @BeforeAll
    static void render() {
        Kubectl.prefetch(List.of(Repo.overlays().resolve("dev")));
    }

    static JsonNode rules() {
        List<Manifest> rules = Kubectl.render(Repo.overlays().resolve("dev")).stream().filter(m -> m.is("PrometheusRule")).toList();
        assertTrue(rules.size() == 1, "one PrometheusRule in the dev overlay, found " + rules.size());
        return rules.get(0).node().path("spec");
    }

    /** promtool test rules with the given rules written where the test file expects them. */
    static Promtool.Result run(JsonNode spec) throws Exception {
        Path dir = Files.createTempDirectory("alerts-test");
        try {
            Files.writeString(dir.resolve("alerts.rules.yaml"), Manifest.YAML.writeValueAsString(spec));
            Files.copy(TESTS, dir.resolve("alerts.test.yaml"));
            return Promtool.testRules(dir, "alerts.test.yaml");
        } finally {
            Promtool.deleteTree(dir);
        }
    }

    @Test
    void everyAlertPassesItsUnitTests() throws Exception {
        Promtool.assume();
        Promtool.Result result = run(rules());
        System.out.println(result.output());
        assertTrue(result.ok(), "promtool test rules " + TESTS + ":\n" + result.output());
    }

    @Test
    void everyAlertIsTestedFiringAndSilent() throws Exception {
        Set<String> alerts = new TreeSet<>();
        for (JsonNode group : Manifest.each(rules().path("groups"))) {
            Manifest.each(group.path("rules")).forEach(r -> {
                if (r.has("alert")) {
                    alerts.add(r.path("alert").asText());
                }
            });
        }
        assertFalse(alerts.isEmpty(), "the PrometheusRule has no alerts");
        Set<String> firing = new TreeSet<>();
        Set<String> silent = new TreeSet<>();
        for (JsonNode test : Manifest.each(Manifest.YAML.readTree(Files.readString(TESTS)).path("tests"))) {
            for (JsonNode expectation : Manifest.each(test.path("alert_rule_test"))) {
                (expectation.path("exp_alerts").isEmpty() ? silent : firing).add(expectation.path("alertname").asText());
            }
        }
        for (String alert : alerts) {
            assertTrue(firing.contains(alert), alert + " has no unit test in which it fires (" + TESTS + ")");
            assertTrue(silent.contains(alert), alert + " has no unit test in which it stays silent (" + TESTS + ")");
        }
    }

    /** The unit tests can fail: with a threshold a hundred times too high the outbox alert never fires. */
    @Test
    void aBrokenAlertFailsItsUnitTests() throws Exception {
        Promtool.assume();
        ObjectNode spec = rules().deepCopy();
        ObjectNode outbox = (ObjectNode) spec.path("groups").path(0).path("rules").path(0);
        assertTrue(outbox.path("alert").asText().equals("SupportOutboxStale") && outbox.path("expr").asText().endsWith("> 60"), outbox.toString());
        outbox.put("expr", outbox.path("expr").asText().replace("> 60", "> 6000"));
        Promtool.Result result = run(spec);
        assertFalse(result.ok(), "the unit tests passed with a broken SupportOutboxStale:\n" + result.output());
        assertTrue(result.output().contains("SupportOutboxStale"), result.output());
    }
}
