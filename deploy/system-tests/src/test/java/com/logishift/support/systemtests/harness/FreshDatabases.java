package com.logishift.support.systemtests.harness;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Drops and creates the system tests' own databases. The module tests use the plain names
 * ({@code agent_service} …) and leave data behind; these start empty on every run.
 */
final class FreshDatabases {

    private static final Pattern SAFE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private FreshDatabases() {
    }

    static void recreate(Infra infra, Collection<String> names) {
        try (Connection connection = DriverManager.getConnection(infra.jdbcUrl("postgres"), infra.pgUser(),
                infra.pgPassword());
                Statement statement = connection.createStatement()) {
            for (String name : names) {
                if (!SAFE_NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("not a plain database name: " + name);
                }
                // FORCE: a service left over from an aborted run must not keep the old one alive
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                statement.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the system tests' databases on " + infra + ": "
                    + e.getMessage(), e);
        }
    }
}
