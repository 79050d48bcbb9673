package com.logishift.support.deploy.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Prometheus' own rule checker, the real PromQL parser: {@code promtool check rules} and
 * {@code promtool test rules}. Found through the system property {@code promtool}, the environment
 * variable PROMTOOL, the PATH, or where .ci/run unpacks Debian's prometheus package
 * (~/.cache/logishift-support/prometheus/usr/bin/promtool). Absent in CI (CI=true) it is an error;
 * elsewhere the checks that need it are skipped with a warning.
 */
final class Promtool {

    static final Path CACHED = Paths.get(System.getProperty("user.home"), ".cache/logishift-support/prometheus/usr/bin/promtool");

    private static final String HOW = """
            promtool (Prometheus' rule checker) was not found: set -Dpromtool=/path/to/promtool or PROMTOOL, put it \
            on the PATH, or unpack Debian's prometheus package without installing it (that would start a server): \
            `apt-get download prometheus && dpkg-deb -x prometheus_*.deb ~/.cache/logishift-support/prometheus` \
            (.ci/run does this).""";

    private static final Map<String, Result> CHECKED = new ConcurrentHashMap<>();
    private static volatile boolean warned;

    /** Exit status and combined output of one promtool run. */
    record Result(int exit, String output) {
        boolean ok() {
            return exit == 0;
        }
    }

    private Promtool() {
    }

    static Optional<Path> binary() {
        List<String> candidates = new ArrayList<>();
        Optional.ofNullable(System.getProperty("promtool")).ifPresent(candidates::add);
        Optional.ofNullable(System.getenv("PROMTOOL")).ifPresent(candidates::add);
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            candidates.add(Paths.get(dir, "promtool").toString());
        }
        candidates.add(CACHED.toString());
        return candidates.stream().filter(c -> !c.isBlank()).map(Paths::get).filter(Files::isExecutable).findFirst();
    }

    static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Whether promtool can run; without it in CI this throws, elsewhere it warns once. */
    static boolean available() {
        if (binary().isPresent()) {
            return true;
        }
        if (inCi()) {
            throw new IllegalStateException(HOW);
        }
        if (!warned) {
            warned = true;
            System.err.println("WARNING: PromQL is not checked. " + HOW);
        }
        return false;
    }

    /** For a test that is about promtool's verdict: fails in CI, is skipped elsewhere. */
    static void assume() {
        Assumptions.assumeTrue(available(), HOW);
    }

    /** {@code promtool check rules} of a rules file's text (results are cached by content). */
    static Result checkRules(String rulesYaml) {
        return CHECKED.computeIfAbsent(rulesYaml, text -> {
            try {
                Path dir = Files.createTempDirectory("promtool");
                try {
                    Path file = dir.resolve("rules.yaml");
                    Files.writeString(file, text);
                    return run(dir, "check", "rules", file.toString());
                } finally {
                    deleteTree(dir);
                }
            } catch (IOException e) {
                throw new IllegalStateException("could not write a rules file for promtool: " + e.getMessage(), e);
            }
        });
    }

    /** {@code promtool test rules FILE} in a folder (the test file names its rule files relative to it). */
    static Result testRules(Path dir, String testFile) {
        return run(dir, "test", "rules", testFile);
    }

    private static Result run(Path dir, String... args) {
        Path promtool = binary().orElseThrow(() -> new IllegalStateException(HOW));
        List<String> command = new ArrayList<>(List.of(promtool.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within 60 s");
            }
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + promtool + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running promtool", e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
