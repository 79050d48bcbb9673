package com.logishift.support.systemtests.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** One service running from its packaged jar as a child process, with its output in a log file. */
final class ServiceProcess {

    private final String name;
    private final int port;
    private final int healthPort;
    private final Path log;
    private final Process process;
    private final long startedAt;

    private ServiceProcess(String name, int port, int healthPort, Path log, Process process, long startedAt) {
        this.name = name;
        this.port = port;
        this.healthPort = healthPort;
        this.log = log;
        this.process = process;
        this.startedAt = startedAt;
    }

    static ServiceProcess start(String name, List<String> command, Path workDir, Map<String, String> environment,
            int port, int healthPort, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            long startedAt = System.nanoTime();
            return new ServiceProcess(name, port, healthPort, log, builder.start(), startedAt);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + name + " (" + String.join(" ", command) + "): "
                    + e.getMessage(), e);
        }
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    boolean alive() {
        return process.isAlive();
    }

    String exitDescription() {
        return process.isAlive() ? "running" : "exited with code " + process.exitValue();
    }

    Duration sinceStart() {
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    /**
     * {@code GET /q/health/ready} answers 200: its database, Kafka (and for the gateway, its backends)
     * are up. The gateway answers it on its management port, not on the public one.
     */
    boolean ready(HttpClient http) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + healthPort + "/q/health/ready"))
                .timeout(Duration.ofSeconds(3)).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The last lines of the service's log, for a failure message. */
    String logTail(int lines) {
        Deque<String> tail = new ArrayDeque<>(lines);
        try (Stream<String> all = Files.lines(log, StandardCharsets.UTF_8)) {
            all.forEach(line -> {
                if (tail.size() == lines) {
                    tail.removeFirst();
                }
                tail.addLast(line);
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            return "(could not read " + log + ": " + e.getMessage() + ")";
        }
        return String.join("\n", tail);
    }

    /** SIGTERM: Quarkus shuts down gracefully (closes its Kafka clients and pools). */
    void requestStop() {
        process.destroy();
    }

    boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(5));
    }
}
