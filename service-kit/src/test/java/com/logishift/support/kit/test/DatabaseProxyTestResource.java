package com.logishift.support.kit.test;

import java.util.Map;
import java.util.Optional;

/**
 * Routes the service's reactive database connections (the pool, and a LISTEN connection if it has
 * one) through a {@link TcpProxy}, so that a test can take the database away from this service only
 * (Flyway still connects directly). The database name is the init argument {@code database}:
 * {@code @QuarkusTestResource(value = DatabaseProxyTestResource.class, restrictToAnnotatedClass = true,
 * initArgs = @ResourceArg(name = "database", value = "ticket_service"))}.
 */
public class DatabaseProxyTestResource extends TcpProxyTestResource {

    private String database;

    public static TcpProxy proxy() {
        return proxyOf(DatabaseProxyTestResource.class);
    }

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException("DatabaseProxyTestResource needs the init argument 'database'");
        }
    }

    @Override
    protected Optional<Target> target() {
        return Optional.of(new Target(env("SUPPORT_PG_HOST", "127.0.0.1"), Integer.parseInt(env("SUPPORT_PG_PORT", "5432"))));
    }

    @Override
    protected Map<String, String> settings(int port) {
        return Map.of("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + port + "/" + database);
    }
}
