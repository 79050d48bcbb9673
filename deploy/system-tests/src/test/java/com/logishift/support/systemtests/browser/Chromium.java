package com.logishift.support.systemtests.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium, driven by Playwright (its own browser downloads are off). Without Chromium the
 * browser tests fail under CI=true (.ci/run installs it) and are skipped, with the reason, elsewhere.
 */
public final class Chromium implements AutoCloseable {

    public static final Path EXECUTABLE = Path.of(System.getProperty("logishift.chromium", "/usr/bin/chromium"));

    /** Flags that work here as root without a display or GPU (see notes/maven-and-quarkus.md). */
    private static final List<String> FLAGS = List.of("--headless=new", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Chromium launch() {
        if (!Files.isExecutable(EXECUTABLE)) {
            String message = EXECUTABLE + " is missing: install it with `apt-get install -y chromium` "
                    + "(.ci/run does this when it is missing)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort("browser tests skipped: " + message);
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(EXECUTABLE)
                    .setHeadless(true)
                    .setArgs(FLAGS)
                    .setTimeout(60_000));
            return new Chromium(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    public Browser browser() {
        return browser;
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }
}
