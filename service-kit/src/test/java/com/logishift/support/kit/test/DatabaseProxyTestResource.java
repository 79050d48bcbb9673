package com.logishift.support.kit.test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * Routes the service's reactive database connections (the pool, and a LISTEN connection if it has
 * one) through a {@link TcpProxy}, so that a test can take the database away from this service only
 * (Flyway still connects directly). The database name is the init argument {@code database}:
 * {@code @QuarkusTestResource(value = DatabaseProxyTestResource.class, restrictToAnnotatedClass = true,
 * initArgs = @ResourceArg(name = "database", value = "ticket_service"))}.
 */
public class DatabaseProxyTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile TcpProxy proxy;
    private String database;

    public static TcpProxy proxy() {
        return proxy;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException("DatabaseProxyTestResource needs the init argument 'database'");
        }
    }

    @Override
    public Map<String, String> start() {
        String host = Optional.ofNullable(System.getenv("SUPPORT_PG_HOST")).orElse("127.0.0.1");
        int port = Integer.parseInt(Optional.ofNullable(System.getenv("SUPPORT_PG_PORT")).orElse("5432"));
        try {
            proxy = new TcpProxy(host, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + proxy.port() + "/" + database);
    }

    @Override
    public void stop() {
        try {
            if (proxy != null) {
                proxy.close();
            }
        } catch (IOException e) {
            // the JVM ends anyway
        }
    }
}
