package com.logishift.support.systemtests.harness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The servers of this test run — PostgreSQL, Kafka, the mail server and clamd — as
 * {@code deploy/local/with-infra} (which {@code ./deploy/local/test} uses) exports them. The system
 * tests create their own databases and start their own services on top; they never start
 * infrastructure themselves.
 *
 * @param serverEnvironment the mail server's and clamd's variables, passed to every service as they are
 */
public record Infra(String pgHost, int pgPort, String pgUser, String pgPassword, String kafkaBootstrap,
        Map<String, String> serverEnvironment) {

    static final List<String> VARIABLES = List.of(
            "SUPPORT_PG_HOST", "SUPPORT_PG_PORT", "SUPPORT_PG_USER", "SUPPORT_PG_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS",
            "SUPPORT_MAIL_SMTP_HOST", "SUPPORT_MAIL_SMTP_PORT", "SUPPORT_MAIL_IMAP_HOST", "SUPPORT_MAIL_IMAP_PORT");
    /** Passed on to the services; clamd is optional (without it uploads are not scanned). */
    private static final List<String> SERVER_VARIABLES = List.of(
            "SUPPORT_MAIL_SMTP_HOST", "SUPPORT_MAIL_SMTP_PORT", "SUPPORT_MAIL_IMAP_HOST", "SUPPORT_MAIL_IMAP_PORT",
            "SUPPORT_ATTACHMENTS_CLAMD_HOST", "SUPPORT_ATTACHMENTS_CLAMD_PORT");

    static Infra fromEnvironment(Map<String, String> env) {
        List<String> missing = VARIABLES.stream().filter(name -> isBlank(env.get(name))).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The system tests need the servers of a test run, but "
                    + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are") + " not set. "
                    + "Run them through ./deploy/local/test (all modules), or for this module alone: "
                    + "bash deploy/local/with-infra ./mvnw -B -f deploy/system-tests/pom.xml verify");
        }
        Map<String, String> servers = new LinkedHashMap<>();
        SERVER_VARIABLES.stream().filter(name -> !isBlank(env.get(name)))
                .forEach(name -> servers.put(name, env.get(name).strip()));
        return new Infra(env.get("SUPPORT_PG_HOST").strip(), port(env, "SUPPORT_PG_PORT"),
                env.get("SUPPORT_PG_USER").strip(), env.get("SUPPORT_PG_PASSWORD"),
                env.get("KAFKA_BOOTSTRAP_SERVERS").strip(), Map.copyOf(servers));
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + database;
    }

    String reactiveUrl(String database) {
        return "postgresql://" + pgHost + ":" + pgPort + "/" + database;
    }

    public String smtpHost() {
        return serverEnvironment.get("SUPPORT_MAIL_SMTP_HOST");
    }

    public int smtpPort() {
        return port(serverEnvironment, "SUPPORT_MAIL_SMTP_PORT");
    }

    /** IMAP of the mail server: any mailbox, with its address as login and password. */
    public String imapHost() {
        return serverEnvironment.get("SUPPORT_MAIL_IMAP_HOST");
    }

    public int imapPort() {
        return port(serverEnvironment, "SUPPORT_MAIL_IMAP_PORT");
    }

    @Override
    public String toString() { // never the password
        return "PostgreSQL " + pgUser + "@" + pgHost + ":" + pgPort + ", Kafka " + kafkaBootstrap
                + ", SMTP " + smtpHost() + ":" + smtpPort() + ", IMAP " + imapHost() + ":" + imapPort();
    }

    private static int port(Map<String, String> env, String name) {
        try {
            return Integer.parseInt(env.get(name).strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(name + " is not a port number: " + env.get(name), e);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
