package com.logishift.support.ticket.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.logishift.support.kit.test.JwtKeysTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Migration V6 on a database that already has tickets, notes and feedback (in a schema of its own):
 * the notes become INTERNAL messages numbered by time, and old tickets get a timeline.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class NotesMigrationTest {

    private static final String SCHEMA = "v6_migration_test";

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "")
    String password;

    private Flyway flyway(String target) {
        return Flyway.configure().dataSource(url, user, password).schemas(SCHEMA).createSchemas(true)
                .locations("classpath:db/migration").target(target).load();
    }

    @Test
    void notesBecomeInternalMessagesAndOldTicketsGetATimeline() throws Exception {
        try (Connection db = DriverManager.getConnection(url, user, password); Statement sql = db.createStatement()) {
            sql.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            flyway("5").migrate();
            sql.execute("SET search_path TO " + SCHEMA);
            sql.execute("""
                    INSERT INTO ticket (id, reference, subject, description, category, priority, status, customer_id,
                                        customer_name, created_at, updated_at, resolution_count)
                    VALUES ('00000000-0000-0000-0000-00000000000a', 'SUP-000001', 'Old one', 'd', 'LOST', 'LOW',
                            'CLOSED', '00000000-0000-0000-0000-0000000000c1', 'Carla', '2026-01-01T10:00Z',
                            '2026-01-03T10:00Z', 1),
                           ('00000000-0000-0000-0000-00000000000b', 'SUP-000002', 'Quiet one', 'd', 'LATE', 'LOW',
                            'OPEN', '00000000-0000-0000-0000-0000000000c2', 'Cem', '2026-01-02T10:00Z',
                            '2026-01-02T10:00Z', 0)""");
            // written out of order on purpose: the thread is numbered by time
            sql.execute("""
                    INSERT INTO ticket_note (id, ticket_id, author_id, author_name, author_role, body, created_at)
                    VALUES ('00000000-0000-0000-0000-0000000000f2', '00000000-0000-0000-0000-00000000000a',
                            '00000000-0000-0000-0000-0000000000a1', 'Alex', 'agent', 'second', '2026-01-01T12:00Z'),
                           ('00000000-0000-0000-0000-0000000000f1', '00000000-0000-0000-0000-00000000000a',
                            '00000000-0000-0000-0000-0000000000a2', 'Ada', 'admin', 'first', '2026-01-01T11:00Z')""");
            sql.execute("""
                    INSERT INTO ticket_feedback (id, ticket_id, resolution, customer_id, rating, comment, created_at)
                    VALUES ('00000000-0000-0000-0000-0000000000fe', '00000000-0000-0000-0000-00000000000a', 1,
                            '00000000-0000-0000-0000-0000000000c1', 4, 'ok', '2026-01-03T10:00Z')""");

            flyway("6").migrate();

            assertEquals(List.of("1|first|ADMIN|INTERNAL|WEB", "2|second|AGENT|INTERNAL|WEB"), rows(sql, """
                    SELECT seq || '|' || body || '|' || author_role || '|' || visibility || '|' || channel
                      FROM ticket_message WHERE ticket_id = '00000000-0000-0000-0000-00000000000a' ORDER BY seq"""));
            assertEquals(List.of("1|CREATED|Carla|CUSTOMER||false", "2|NOTE|Ada|ADMIN||true", "3|NOTE|Alex|AGENT||true",
                    "4|FEEDBACK|Carla|CUSTOMER|4|false"), rows(sql, """
                    SELECT seq || '|' || kind || '|' || actor_name || '|' || actor_role || '|'
                           || coalesce(to_value, '') || '|' || internal
                      FROM ticket_timeline WHERE ticket_id = '00000000-0000-0000-0000-00000000000a' ORDER BY seq"""));
            assertEquals(List.of("SUP-000001|2|4", "SUP-000002|0|1"), rows(sql,
                    "SELECT reference || '|' || message_seq || '|' || timeline_seq FROM ticket ORDER BY reference"));
            assertEquals(List.of("1|CREATED"), rows(sql, """
                    SELECT seq || '|' || kind FROM ticket_timeline
                     WHERE ticket_id = '00000000-0000-0000-0000-00000000000b'"""));
            assertFalse(rows(sql, "SELECT to_regclass('" + SCHEMA + ".ticket_note')::text").stream()
                    .anyMatch(r -> r != null && r.contains("ticket_note")), "ticket_note is gone");
            sql.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
        }
    }

    private static List<String> rows(Statement sql, String query) throws Exception {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = sql.executeQuery(query)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
