package com.logishift.support.deploy.k8s;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every overlay under deploy/k8s/overlays renders and passes every check. */
class OverlaysTest {

    static List<Path> overlays() throws IOException {
        try (Stream<Path> dirs = Files.list(Repo.overlays())) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml"))).sorted().toList();
        }
    }

    @BeforeAll
    static void renderInParallel() throws IOException {
        Kubectl.prefetch(overlays());
    }

    @TestFactory
    Stream<DynamicTest> everyOverlayPassesEveryCheck() throws IOException {
        List<Path> overlays = overlays();
        assertTrue(overlays.size() >= 2, "expected at least the dev and prod overlays under " + Repo.overlays());
        return overlays.stream().map(overlay -> DynamicTest.dynamicTest(overlay.getFileName().toString(), () -> {
            List<Manifest> rendered = Kubectl.render(overlay);
            assertFalse(rendered.isEmpty(), "kubectl kustomize " + overlay + " rendered nothing");
            Finding.Report report = Validator.validate(rendered);
            assertTrue(report.isEmpty(), () -> "overlay " + overlay.getFileName() + " (" + rendered.size() + " objects): " + report);
        }));
    }
}
