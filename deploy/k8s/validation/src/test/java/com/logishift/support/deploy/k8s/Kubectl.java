package com.logishift.support.deploy.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomization with {@code kubectl kustomize} (kustomize v5 is built into kubectl
 * 1.27+; it works offline). Set KUBECTL to use another binary. Results are cached per folder, and
 * {@link #prefetch} renders several folders in parallel.
 */
final class Kubectl {

    private static final Map<Path, CompletableFuture<List<Manifest>>> CACHE = new ConcurrentHashMap<>();

    private Kubectl() {
    }

    static void prefetch(List<Path> dirs) {
        dirs.forEach(dir -> CACHE.computeIfAbsent(dir.toAbsolutePath().normalize(),
                d -> CompletableFuture.supplyAsync(() -> renderNow(d))));
    }

    static List<Manifest> render(Path dir) {
        try {
            return CACHE.computeIfAbsent(dir.toAbsolutePath().normalize(),
                    d -> CompletableFuture.supplyAsync(() -> renderNow(d))).join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    static String binary() {
        String configured = System.getenv("KUBECTL");
        if (configured != null && !configured.isBlank()) {
            if (!Files.isExecutable(Paths.get(configured))) {
                throw new IllegalStateException("KUBECTL=" + configured + " is not an executable file");
            }
            return configured;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Paths.get(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException("""
                kubectl was not found on the PATH (nor in the KUBECTL environment variable).
                The manifest checks render deploy/k8s with `kubectl kustomize` (kubectl 1.27 or newer, \
                which embeds kustomize v5; no cluster is needed). Install kubectl, or point KUBECTL at it.""");
    }

    private static List<Manifest> renderNow(Path dir) {
        String kubectl = binary();
        try {
            Path err = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(kubectl, "kustomize", dir.toString())
                        .redirectError(err.toFile())
                        .start();
                byte[] out = process.getInputStream().readAllBytes();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("kubectl kustomize " + dir + " did not finish within 60 s");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException("kubectl kustomize " + dir + " failed (exit " + process.exitValue() + "):\n"
                            + Files.readString(err));
                }
                return Manifest.parseAll(new String(out, StandardCharsets.UTF_8), Repo.root().relativize(dir).toString());
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + kubectl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering " + dir, e);
        }
    }
}
