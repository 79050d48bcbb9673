package com.logishift.support.systemtests.harness;

import java.util.List;
import java.util.Map;

/**
 * The PostgreSQL server and Kafka broker of this test run, as {@code deploy/local/with-infra} (which
 * {@code ./deploy/local/test} uses) exports them. The system tests create their own databases and
 * start their own services on top; they never start infrastructure themselves.
 */
public record Infra(String pgHost, int pgPort, String pgUser, String pgPassword, String kafkaBootstrap) {

    static final List<String> VARIABLES = List.of(
            "SUPPORT_PG_HOST", "SUPPORT_PG_PORT", "SUPPORT_PG_USER", "SUPPORT_PG_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS");

    static Infra fromEnvironment(Map<String, String> env) {
        List<String> missing = VARIABLES.stream().filter(name -> isBlank(env.get(name))).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The system tests need the PostgreSQL and Kafka of a test run, but "
                    + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are") + " not set. "
                    + "Run them through ./deploy/local/test (all modules), or for this module alone: "
                    + "bash deploy/local/with-infra ./mvnw -B -f deploy/system-tests/pom.xml verify");
        }
        int port;
        try {
            port = Integer.parseInt(env.get("SUPPORT_PG_PORT").strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("SUPPORT_PG_PORT is not a port number: " + env.get("SUPPORT_PG_PORT"), e);
        }
        return new Infra(env.get("SUPPORT_PG_HOST").strip(), port, env.get("SUPPORT_PG_USER").strip(),
                env.get("SUPPORT_PG_PASSWORD"), env.get("KAFKA_BOOTSTRAP_SERVERS").strip());
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + database;
    }

    String reactiveUrl(String database) {
        return "postgresql://" + pgHost + ":" + pgPort + "/" + database;
    }

    @Override
    public String toString() { // never the password
        return "PostgreSQL " + pgUser + "@" + pgHost + ":" + pgPort + ", Kafka " + kafkaBootstrap;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
