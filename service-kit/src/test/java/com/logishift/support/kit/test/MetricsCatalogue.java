package com.logishift.support.kit.test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metrics catalogue, {@code deploy/k8s/monitoring/metrics.tsv}: the Prometheus names alerts and
 * dashboards may use, which services export each, with which labels. Each service's
 * {@code MetricsCatalogueTest} checks, through {@link #assertExported}, that it exports its rows.
 */
public final class MetricsCatalogue {

    /** The catalogue, from a module's directory (where its tests run). */
    public static final Path FILE = Path.of("..", "deploy", "k8s", "monitoring", "metrics.tsv");

    /** One row: columns name, type, services, labels ("-": none), meaning. */
    public record Row(String name, String type, List<String> services, List<String> labels, String meaning) {
    }

    private MetricsCatalogue() {
    }

    public static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(FILE, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                if (columns.length != 5) {
                    throw new AssertionError("a catalogue row has five tab-separated columns: " + line);
                }
                rows.add(new Row(columns[0], columns[1], Arrays.asList(columns[2].split(",")),
                        "-".equals(columns[3]) ? List.of() : Arrays.asList(columns[3].split(",")), columns[4]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** The rows naming {@code service} (e.g. "ticket-service"). */
    public static List<Row> of(String service) {
        return rows().stream().filter(row -> row.services().contains(service)).toList();
    }

    /**
     * Answers one request on the service's public port (so that the HTTP metrics have a sample), then
     * checks its Prometheus page at {@code metricsUrl}.
     */
    public static void assertExported(String service, String metricsUrl) {
        given().get("/metrics-catalogue-probe").then().statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(200));
        assertExportedIn(service, given().get(metricsUrl).then().statusCode(200).extract().asString());
    }

    /**
     * Fails naming each row of {@code service} that {@code prometheusPage} lacks: no sample of that
     * name, or none carrying one of its labels.
     */
    public static void assertExportedIn(String service, String prometheusPage) {
        List<Row> rows = of(service);
        assertFalse(rows.isEmpty(), "the catalogue lists " + service);
        List<String> missing = new ArrayList<>();
        for (Row row : rows) {
            List<String> samples = samples(prometheusPage, row.name());
            if (samples.isEmpty()) {
                missing.add(row.name());
                continue;
            }
            for (String label : row.labels()) {
                if (samples.stream().noneMatch(sample -> sample.contains(label + "=\""))) {
                    missing.add(row.name() + "{" + label + "}");
                }
            }
        }
        assertTrue(missing.isEmpty(), service + " does not export these catalogue rows: " + missing);
    }

    /** The sample lines of the metric {@code name} (not of a longer name that starts with it). */
    public static List<String> samples(String prometheusPage, String name) {
        return prometheusPage.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .toList();
    }

    /** The sum of the samples of {@code name} whose labels include every {@code label="value"} given. */
    public static double value(String prometheusPage, String name, String... labels) {
        double sum = 0;
        Pattern sample = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*\\})?\\s+(\\S+)");
        for (String line : samples(prometheusPage, name)) {
            Matcher matcher = sample.matcher(line);
            if (matcher.find() && Arrays.stream(labels).allMatch(label -> line.contains(label))) {
                sum += Double.parseDouble(matcher.group(2));
            }
        }
        return sum;
    }

    /** The service's metric {@code name} now, from {@code /q/metrics} on the port rest-assured talks to. */
    public static double scrape(String name, String... labels) {
        return value(given().get("/q/metrics").then().statusCode(200).extract().asString(), name, labels);
    }
}
