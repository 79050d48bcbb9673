package com.logishift.support.systemtests.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The whole logiShift Support system, running for one test run: fresh databases, a fresh key pair,
 * the five services as real processes from the jars {@code mvn verify} packaged, on free ports. One
 * instance per JVM ({@link #shared()}), started by the first test class that needs it and stopped when
 * JUnit finishes ({@link SystemExtension}) — or, as a last resort, by a JVM shutdown hook.
 */
public final class SupportSystem {

    public static final String ADMIN_EMAIL = "admin@system.test";
    public static final String ADMIN_NAME = "System Test Admin";

    /** Generous: on two cores shared with other work, the five JVMs were seen to need 150 s and more. */
    static final Duration STARTUP_BUDGET = Duration.ofSeconds(300);
    static final Duration STOP_BUDGET = Duration.ofSeconds(30);
    private static final int LOG_TAIL_LINES = 40;

    /** Service name → its database (null: none). Insertion order is the start order. */
    private static final Map<String, String> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("agent-service", "sys_agent_service");
        SERVICES.put("ticket-service", "sys_ticket_service");
        SERVICES.put("faq-service", "sys_faq_service");
        SERVICES.put("notification-service", "sys_notification_service");
        SERVICES.put("gateway", null);
    }

    private static final String GATEWAY_MANAGEMENT = "gateway-management";

    private static SupportSystem shared;
    private static RuntimeException startFailure;

    private final Infra infra;
    private final String runTag;
    private final String adminPassword;
    private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();
    /** notification-service's SMTP goes through it, so a test can take the mail server away from it alone. */
    private SmtpRelay notificationSmtp;
    /** The run's trace collector: every service exports its spans here (TracingTest reads them). */
    private OtlpReceiver traces;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Thread shutdownHook = new Thread(this::stop, "system-tests-stop-services");

    private SupportSystem(Infra infra) {
        this.infra = infra;
        SecureRandom random = new SecureRandom();
        byte[] tag = new byte[4];
        random.nextBytes(tag);
        this.runTag = HexFormat.of().formatHex(tag);
        byte[] password = new byte[12];
        random.nextBytes(password);
        this.adminPassword = "sys-" + HexFormat.of().formatHex(password);
    }

    /** The running system, started on first use; a failed start is reported to every later caller too. */
    public static synchronized SupportSystem shared() {
        if (startFailure != null) {
            throw new IllegalStateException("The system did not start (see the first failure): "
                    + startFailure.getMessage(), startFailure);
        }
        if (shared == null) {
            try {
                shared = start();
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
        }
        return shared;
    }

    static synchronized void stopShared() {
        if (shared != null) {
            shared.stop();
        }
    }

    /** The only address the tests talk to. */
    public String gatewayUrl() {
        return processes.get("gateway").url();
    }

    /** A service's own address, for the few checks that must bypass the gateway. */
    public String serviceUrl(String service) {
        return processes.get(service).url();
    }

    public String adminPassword() {
        return adminPassword;
    }

    /** Short random text, different on every run: makes e-mail addresses and the like unique. */
    public String runTag() {
        return runTag;
    }

    public String kafkaBootstrap() {
        return infra.kafkaBootstrap();
    }

    /** The spans the services exported during this run. */
    public OtlpReceiver traces() {
        return traces;
    }

    /** The servers of this run (PostgreSQL, Kafka, the mail server's SMTP and IMAP ports). */
    public Infra infra() {
        return infra;
    }

    /** The relay between notification-service and the SMTP server (cut it to simulate an outage). */
    public SmtpRelay notificationSmtp() {
        return notificationSmtp;
    }

    /** JDBC to one service's database — only for what no API can show (e.g. a rejected agent's inbox). */
    public Connection database(String service) throws SQLException {
        String name = SERVICES.get(service);
        if (name == null) {
            throw new IllegalArgumentException("no database for " + service);
        }
        return DriverManager.getConnection(infra.jdbcUrl(name), infra.pgUser(), infra.pgPassword());
    }

    private static SupportSystem start() {
        long begin = System.nanoTime();
        Path moduleDir = Path.of("").toAbsolutePath();
        Path repoRoot = repoRoot(moduleDir);
        Map<String, Path> jars = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String service : SERVICES.keySet()) {
            Path jar = repoRoot.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
            jars.put(service, jar);
            if (!Files.isRegularFile(jar)) {
                missing.add(jar.toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Service jars are missing: " + String.join(", ", missing)
                    + ". `mvn verify` packages the services before this module (it is the last one in the "
                    + "root pom); when running this module alone, build them first: ./mvnw -B package -DskipTests");
        }
        Infra infra = Infra.fromEnvironment(System.getenv());
        SupportSystem system = new SupportSystem(infra);
        System.out.printf("[system] run %s against %s%n", system.runTag, infra);
        try {
            system.prepareAndStart(moduleDir, jars);
        } catch (RuntimeException | Error e) {
            system.stop();
            throw e;
        }
        System.out.printf("[system] all five services ready in %s (gateway %s)%n", seconds(begin),
                system.gatewayUrl());
        return system;
    }

    private void prepareAndStart(Path moduleDir, Map<String, Path> jars) {
        Path target = moduleDir.resolve("target");
        Path logs = target.resolve("system-logs");
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        long t = System.nanoTime();
        FreshDatabases.recreate(infra, SERVICES.values().stream().filter(d -> d != null).toList());
        System.out.printf("[system] fresh databases %s in %s%n",
                SERVICES.values().stream().filter(d -> d != null).toList(), seconds(t));

        t = System.nanoTime();
        JwtKeyFiles keys = JwtKeyFiles.generate(target.resolve("system-keys"));
        KafkaTopics.ensure(infra.kafkaBootstrap(), Map.of(
                "support.account-events", 3, "support.ticket-events", 3, "support.notifications.dlq", 1));
        System.out.printf("[system] key pair and Kafka topics in %s%n", seconds(t));

        traces = OtlpReceiver.start();
        System.out.printf("[system] trace receiver (OTLP http/protobuf) at %s%n", traces.endpoint());

        List<String> portNames = new ArrayList<>(SERVICES.keySet());
        portNames.add(GATEWAY_MANAGEMENT); // the gateway's health and metrics have a port of their own
        Map<String, Integer> ports = freePorts(portNames);
        try {
            notificationSmtp = new SmtpRelay(infra.smtpHost(), infra.smtpPort());
        } catch (IOException e) {
            throw new UncheckedIOException("no SMTP relay for notification-service", e);
        }
        Runtime.getRuntime().addShutdownHook(shutdownHook); // before the first process exists
        for (String service : SERVICES.keySet()) {
            List<String> command = List.of(javaBinary(), "-Xms32m", "-Xmx192m", "-XX:TieredStopAtLevel=1",
                    "-jar", jars.get(service).toString());
            Path log = logs.resolve(service + ".log");
            int healthPort = "gateway".equals(service) ? ports.get(GATEWAY_MANAGEMENT) : ports.get(service);
            ServiceProcess process = ServiceProcess.start(service, command, moduleDir,
                    environment(service, ports, keys), ports.get(service), healthPort, log);
            processes.put(service, process);
            System.out.printf("[system] started %s on 127.0.0.1:%d (pid %d, log %s)%n", service,
                    process.port(), process.pid(), moduleDir.relativize(log));
        }
        awaitReadiness();
    }

    /** Each service's environment: the inherited one without any project settings, plus ours. */
    private Map<String, String> environment(String service, Map<String, Integer> ports, JwtKeyFiles keys) {
        Map<String, String> env = new LinkedHashMap<>();
        System.getenv().forEach((name, value) -> {
            String upper = name.toUpperCase(Locale.ROOT);
            // a developer's SUPPORT_*/QUARKUS_* settings (or with-infra's SUPPORT_PG_*) must not leak in
            if (!(upper.startsWith("SUPPORT_") || upper.startsWith("QUARKUS_") || upper.startsWith("KAFKA_")
                    || upper.startsWith("MP_") || upper.startsWith("SMALLRYE_"))) {
                env.put(name, value);
            }
        });
        env.put("QUARKUS_HTTP_PORT", Integer.toString(ports.get(service)));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrap());
        env.putAll(infra.serverEnvironment());
        // traces: exported to this run's receiver, in batches of 0.2 s (5 s by default)
        env.put("SUPPORT_TRACES_EXPORTER", "otlp");
        env.put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", traces.endpoint());
        env.put("SUPPORT_TRACES_BATCH_DELAY", "PT0.2S");
        String database = SERVICES.get(service);
        if (database != null) {
            env.put("QUARKUS_DATASOURCE_REACTIVE_URL", infra.reactiveUrl(database));
            env.put("QUARKUS_DATASOURCE_JDBC_URL", infra.jdbcUrl(database));
            env.put("QUARKUS_DATASOURCE_USERNAME", infra.pgUser());
            env.put("QUARKUS_DATASOURCE_PASSWORD", infra.pgPassword());
            // Flyway's first connection at start-up: on two busy cores the 5 s default was seen to run out
            env.put("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "PT30S");
        }
        String jwks = "http://127.0.0.1:" + ports.get("agent-service") + "/api/auth/jwks";
        if (!service.equals("agent-service")) {
            // deactivated agents' tokens: polled every 2 s here (20 s by default)
            env.put("SUPPORT_REVOCATIONS_URL", "http://127.0.0.1:" + ports.get("agent-service") + "/internal/revocations");
            env.put("SUPPORT_REVOCATIONS_REFRESH", "PT2S");
        }
        switch (service) {
            case "agent-service" -> {
                env.put("SUPPORT_JWT_PRIVATE_KEY_FILE", keys.privateKey().toString());
                env.put("SUPPORT_JWT_PUBLIC_KEY_FILE", keys.publicKey().toString());
                env.put("SUPPORT_ADMIN_EMAIL", ADMIN_EMAIL);
                env.put("SUPPORT_ADMIN_PASSWORD", adminPassword);
                env.put("SUPPORT_ADMIN_NAME", ADMIN_NAME);
            }
            case "ticket-service" -> {
                env.put("SUPPORT_JWKS_URL", jwks);
                // a consumer group of this run's own: on a broker shared with a running stack, its
                // ticket-service (group "ticket-service") must not take half of the partitions
                env.put("MP_MESSAGING_INCOMING_ACCOUNT_EVENTS_GROUP_ID", "system-tests-" + runTag + "-ticket-service");
                // the SLA job every 2 s (30 s by default), so a one-minute target breaches within the test
                env.put("SUPPORT_SLA_CHECK_INTERVAL", "2s");
            }
            case "faq-service" -> env.put("SUPPORT_JWKS_URL", jwks);
            case "notification-service" -> {
                env.put("SUPPORT_JWKS_URL", jwks);
                String group = "system-tests-" + runTag + "-notification-service";
                env.put("MP_MESSAGING_INCOMING_TICKET_EVENTS_GROUP_ID", group);
                env.put("MP_MESSAGING_INCOMING_ACCOUNT_EVENTS_GROUP_ID", group);
                // webhooks: the tests' receivers listen on plain http at 127.0.0.1
                env.put("SUPPORT_WEBHOOK_ALLOW_HTTP", "true");
                env.put("SUPPORT_WEBHOOK_ALLOWED_HOSTS", "127.0.0.1");
                env.put("SUPPORT_WEBHOOK_BACKOFF_INITIAL", "PT0.5S"); // retries within seconds, not minutes
                env.put("SUPPORT_WEBHOOK_BACKOFF_MAX", "PT2S");
                // a hanging partner hangs until its test releases it: no attempt may time out meanwhile
                env.put("SUPPORT_WEBHOOK_TIMEOUT", "PT60S");
                // production requires the key that encrypts the endpoints' secrets at rest (32 bytes)
                env.put("SUPPORT_WEBHOOK_SECRET_KEY", java.util.Base64.getEncoder().encodeToString(
                        ("system-tests-webhooks-" + runTag + "-0123456789").substring(0, 32).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                // e-mail out: production requires the key that signs unsubscribe links
                env.put("SUPPORT_MAIL_UNSUBSCRIBE_SECRET", "system-tests-unsubscribe-secret-" + runTag + "-0123456789abcdef");
                // SMTP through the harness's relay (MailOutageTest cuts it); retries within seconds, not minutes
                env.put("SUPPORT_MAIL_SMTP_HOST", "127.0.0.1");
                env.put("SUPPORT_MAIL_SMTP_PORT", Integer.toString(notificationSmtp.port()));
                env.put("SUPPORT_MAIL_BACKOFF_BASE", "PT0.5S");
                env.put("SUPPORT_MAIL_BACKOFF_MAX", "PT5S");
            }
            case "gateway" -> {
                env.put("SUPPORT_JWKS_URL", jwks);
                env.put("SUPPORT_AGENT_SERVICE_URL", "http://127.0.0.1:" + ports.get("agent-service"));
                env.put("SUPPORT_TICKET_SERVICE_URL", "http://127.0.0.1:" + ports.get("ticket-service"));
                env.put("SUPPORT_FAQ_SERVICE_URL", "http://127.0.0.1:" + ports.get("faq-service"));
                env.put("SUPPORT_NOTIFICATION_SERVICE_URL", "http://127.0.0.1:" + ports.get("notification-service"));
                env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(ports.get(GATEWAY_MANAGEMENT)));
                env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
                // every test signs in from 127.0.0.1; the gateway's own tests cover the 429s
                env.put("SUPPORT_GATEWAY_RATE_LIMIT_AUTH_PER_MINUTE", "10000");
                env.put("SUPPORT_GATEWAY_RATE_LIMIT_ACCOUNT_PER_SECOND", "1000");
                env.put("SUPPORT_GATEWAY_RATE_LIMIT_ACCOUNT_BURST", "1000");
                env.put("SUPPORT_GATEWAY_RATE_LIMIT_PUBLIC_PER_SECOND", "1000");
            }
            default -> throw new IllegalArgumentException(service);
        }
        return env;
    }

    private void awaitReadiness() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + STARTUP_BUDGET.toNanos();
        List<ServiceProcess> waiting = new ArrayList<>(processes.values());
        while (!waiting.isEmpty()) {
            for (ServiceProcess process : List.copyOf(waiting)) {
                if (!process.alive()) {
                    throw new IllegalStateException(process.name() + " " + process.exitDescription()
                            + " before it was ready. Last " + LOG_TAIL_LINES + " lines of " + process.log() + ":\n"
                            + process.logTail(LOG_TAIL_LINES));
                }
                if (process.ready(http)) {
                    waiting.remove(process);
                    System.out.printf("[system] %s ready after %.1f s%n", process.name(),
                            process.sinceStart().toMillis() / 1000.0);
                }
            }
            if (waiting.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                StringBuilder message = new StringBuilder("Not ready within " + STARTUP_BUDGET.toSeconds() + " s: ")
                        .append(waiting.stream().map(ServiceProcess::name).toList());
                for (ServiceProcess process : waiting) {
                    message.append("\n--- last ").append(LOG_TAIL_LINES).append(" lines of ").append(process.log())
                            .append(":\n").append(process.logTail(LOG_TAIL_LINES));
                }
                throw new IllegalStateException(message.toString());
            }
            sleep(250);
        }
    }

    /** SIGTERM to all, up to {@link #STOP_BUDGET} for them to exit, then SIGKILL. Idempotent. */
    void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException | IllegalArgumentException ignored) {
                // the JVM is already shutting down, or the hook was never added
            }
        }
        if (processes.isEmpty()) {
            closeHelpers();
            return;
        }
        long begin = System.nanoTime();
        List<ServiceProcess> reverse = new ArrayList<>(processes.values());
        java.util.Collections.reverse(reverse); // the gateway first, agent-service last
        reverse.forEach(ServiceProcess::requestStop);
        long deadline = begin + STOP_BUDGET.toNanos();
        for (ServiceProcess process : reverse) {
            if (!process.awaitExit(Duration.ofNanos(deadline - System.nanoTime()))) {
                System.out.printf("[system] %s did not stop within %d s: killing it%n", process.name(),
                        STOP_BUDGET.toSeconds());
                process.kill();
            }
        }
        System.out.printf("[system] services stopped in %s%n", seconds(begin));
        closeHelpers();
    }

    /**
     * After the services: none of them loses its mail server while shutting down, and they flush
     * their last spans as they stop.
     */
    private void closeHelpers() {
        if (notificationSmtp != null) {
            notificationSmtp.close();
        }
        if (traces != null) {
            traces.close();
        }
    }

    private static Map<String, Integer> freePorts(Iterable<String> services) {
        // keep every socket open until all are chosen, so the ports are distinct
        List<ServerSocket> sockets = new ArrayList<>();
        Map<String, Integer> ports = new LinkedHashMap<>();
        try {
            for (String service : services) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                ports.put(service, socket.getLocalPort());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a listening socket that never accepted
                }
            }
        }
        return ports;
    }

    private static Path repoRoot(Path moduleDir) {
        String configured = System.getProperty("logishift.repo.root");
        Path root = configured != null ? Path.of(configured) : moduleDir.resolve("../..");
        root = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("agent-service"))) {
            throw new IllegalStateException("Not the repository root (no agent-service/): " + root);
        }
        return root;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String seconds(long sinceNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - sinceNanos) / 1e9);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the services", e);
        }
    }
}
