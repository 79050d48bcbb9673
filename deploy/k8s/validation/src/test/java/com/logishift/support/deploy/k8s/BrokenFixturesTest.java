package com.logishift.support.deploy.k8s;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every fixture under src/test/resources/fixtures is the rendered dev overlay plus one deliberate
 * mistake — JSON Patch operations on rendered objects ("patches") and/or extra objects ("add") —
 * and lists what the validation must report ("expected": "check | object | part of the message").
 * (Patching the rendered output instead of running kustomize once per fixture keeps this at one
 * kubectl call.) A check that stops reporting its mistake fails here. A fixture with
 * "requires: promtool" is about promtool's verdict (see {@link Promtool}).
 */
class BrokenFixturesTest {

    record Expectation(String check, String object, String message) {
        boolean metBy(Finding f) {
            return f.check().equals(check) && f.object().equals(object) && f.message().contains(message);
        }

        @Override
        public String toString() {
            return "[" + check + "] " + object + ": …" + message + "…";
        }
    }

    static List<Path> fixtures() throws IOException {
        try (Stream<Path> files = Files.list(Repo.fixtures())) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @BeforeAll
    static void render() {
        Kubectl.prefetch(List.of(Repo.overlays().resolve("dev")));
    }

    /** The dev overlay with the fixture's mistake in it (a fresh copy each time). */
    static List<Manifest> broken(JsonNode fixture) {
        List<Manifest> objects = new ArrayList<>();
        for (Manifest m : Kubectl.render(Repo.overlays().resolve("dev"))) {
            objects.add(new Manifest(m.node().deepCopy(), m.source()));
        }
        String namespace = objects.get(0).namespace().isEmpty() ? objects.get(1).namespace() : objects.get(0).namespace();
        for (JsonNode patch : Manifest.each(fixture.path("patches"))) {
            Manifest target = objects.stream().filter(m -> m.id().equals(patch.path("object").asText())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no " + patch.path("object").asText() + " in the dev overlay"));
            JsonPatch.apply(target.node(), patch.path("ops"));
        }
        for (JsonNode extra : Manifest.each(fixture.path("add"))) {
            ObjectNode object = extra.deepCopy();
            ((ObjectNode) object.with("metadata")).put("namespace", namespace);
            objects.add(new Manifest(object, "fixture"));
        }
        return objects;
    }

    @TestFactory
    Stream<DynamicTest> everyBrokenManifestIsReported() throws IOException {
        List<Path> fixtures = fixtures();
        assertTrue(fixtures.size() >= 10, "expected the broken-manifest fixtures under " + Repo.fixtures());
        return fixtures.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            JsonNode fixture = Manifest.YAML.readTree(Files.readString(file));
            if (fixture.path("requires").asText("").equals("promtool")) {
                Promtool.assume();
            }
            List<Expectation> expected = new ArrayList<>();
            for (JsonNode line : Manifest.each(fixture.path("expected"))) {
                String[] parts = line.asText().split("\\|", 3);
                expected.add(new Expectation(parts[0].trim(), parts[1].trim(), parts[2].trim()));
            }
            assertFalse(expected.isEmpty(), file + " lists no expected finding");
            Finding.Report report = Validator.validate(broken(fixture));
            for (Expectation e : expected) {
                assertTrue(report.findings().stream().anyMatch(e::metBy),
                        () -> file.getFileName() + ": expected " + e + "\nbut the validation reported " + report);
            }
            System.out.println("fixture " + file.getFileName() + " -> " + report);
        }));
    }
}
