package com.logishift.support.systemtests.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One person at one browser (its own context: own sessionStorage, so its own session), with
 * numbered screenshots under target/screenshots/&lt;viewport&gt;/. Console errors and failed page
 * requests are collected so a test can assert there were none.
 */
public final class Screen implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final java.util.Map<Viewport, AtomicInteger> STEPS = new java.util.concurrent.ConcurrentHashMap<>();

    private final Viewport viewport;
    private final String who;
    private final BrowserContext context;
    private final Page page;
    private final List<String> problems = new ArrayList<>();

    public Screen(Browser browser, Viewport viewport, String baseUrl, String who) {
        this.viewport = viewport;
        this.who = who;
        this.context = browser.newContext(viewport.contextOptions(baseUrl));
        this.context.setDefaultTimeout(20_000);
        this.context.setDefaultNavigationTimeout(30_000);
        this.page = context.newPage();
        page.onConsoleMessage(message -> {
            // a 4xx the page expects (a refused sign-in) is logged as an error too: keep only real faults
            String text = message.text();
            if ("error".equals(message.type()) && (text.contains("Content Security Policy") || text.contains("Refused to")
                    || text.contains("Uncaught"))) {
                problems.add("console: " + text);
            }
        });
        page.onPageError(error -> problems.add("page error: " + error));
    }

    public Page page() {
        return page;
    }

    /** Saves a full-page screenshot as target/screenshots/&lt;viewport&gt;/&lt;nn&gt;-&lt;who&gt;-&lt;step&gt;.png. */
    public Path shot(String step) {
        String name = String.format(Locale.ROOT, "%03d-%s-%s.png", STEPS.computeIfAbsent(viewport, v -> new AtomicInteger()).incrementAndGet(), slug(who), slug(step));
        Path file = SCREENSHOTS.resolve(viewport.dir()).resolve(name);
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /** Empties target/screenshots/&lt;viewport&gt;/, so that it holds this run's screenshots only. */
    public static void clear(Viewport viewport) {
        Path dir = SCREENSHOTS.resolve(viewport.dir());
        try (var files = java.nio.file.Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                java.nio.file.Files.deleteIfExists(file);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // nothing from an earlier run
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Errors the page logged (a CSP violation, an uncaught exception) since it opened. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    private static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    @Override
    public void close() {
        context.close();
    }
}
