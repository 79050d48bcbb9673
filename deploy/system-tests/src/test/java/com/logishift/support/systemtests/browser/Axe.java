package com.logishift.support.systemtests.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.logishift.support.systemtests.client.Json;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * axe-core, the accessibility engine, run inside the page. Its script is the npm package the web UI
 * lists as a devDependency (gateway/src/main/webui/node_modules/axe-core/axe.min.js, installed by the
 * gateway's build), so the version is pinned by the UI's package-lock.json and nothing is downloaded
 * here. It is evaluated through Playwright (not a script tag), which the page's strict
 * Content-Security-Policy does not apply to.
 */
final class Axe {

    /** The checkout this test runs from: the web UI beside it, whichever jars -Dlogishift.repo.root points to. */
    static final Path SCRIPT = Path.of(System.getProperty("logishift.axe.script",
            Path.of("").toAbsolutePath().resolve("../../gateway/src/main/webui/node_modules/axe-core/axe.min.js")
                    .normalize().toString()));

    /**
     * Every rule of axe's default set (WCAG 2.0–2.2 A and AA, best practices), plus the experimental
     * label-in-name rule (WCAG 2.5.3: a control's accessible name contains its visible text, e.g. the
     * bell's "99+").
     */
    private static final String RUN = """
            async () => {
              const result = await axe.run(document, {
                resultTypes: ['violations'],
                rules: { 'label-content-name-mismatch': { enabled: true } },
              });
              return JSON.stringify(result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({ target: n.target.join(' '), summary: n.failureSummary, html: n.html.slice(0, 160) })),
              })));
            }""";

    private static String source;

    private Axe() {
    }

    private static synchronized String source() {
        if (source == null) {
            if (!Files.isRegularFile(SCRIPT)) {
                throw new IllegalStateException(SCRIPT + " is missing: it comes with the web UI's devDependencies "
                        + "(`npm ci` in gateway/src/main/webui, which the gateway's build runs)");
            }
            try {
                source = Files.readString(SCRIPT, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }

    /** The page's violations as one line each ("rule (impact): help — selector: what fails"); empty when none. */
    static List<String> violations(Page page) {
        if (!"object".equals(page.evaluate("() => typeof window.axe"))) {
            page.evaluate("() => {\n" + source() + "\n}");
        }
        JsonNode found = Json.parse((String) page.evaluate(RUN));
        List<String> lines = new ArrayList<>();
        for (JsonNode v : found) {
            for (JsonNode node : v.path("nodes")) {
                lines.add(v.path("id").asText() + " (" + v.path("impact").asText() + "): " + v.path("help").asText()
                        + " — " + node.path("target").asText() + ": "
                        + node.path("summary").asText().replace('\n', ' ') + " — " + node.path("html").asText());
            }
        }
        return lines;
    }
}
