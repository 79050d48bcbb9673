package com.logishift.support.notification.event;

import com.logishift.support.kit.test.Eventually;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.logishift.support.kit.test.DatabaseProxyTestResource;
import com.logishift.support.notification.support.EventPublisher;
import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.OperationsChecks;
import com.logishift.support.kit.test.TcpProxy;
import com.logishift.support.kit.test.Tokens;
import com.logishift.support.kit.test.Tokens.Person;
import com.logishift.support.kit.test.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 28: the database goes away for 30 seconds while ticket and account events flow.
 * Afterwards every event has its notifications, nothing went to the dead-letter topic, and readiness
 * was DOWN meanwhile. The service's connections run through a proxy the test cuts (connections
 * dropped, new ones refused), so the shared PostgreSQL and the module's other tests are not disturbed.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
// Its own application instance: the outage leaves the reactive pool logging errors (vertx-sql-client#1706)
// that must not reach the other test classes, whose requests are checked for ERROR logs.
@QuarkusTestResource(value = DatabaseProxyTestResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "database", value = "notification_service"))
class DatabaseOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final String T = "com.logishift.support.ticket.";

    @Inject
    Pool pool;

    @Test
    void eventsDuringADatabaseOutageAreNotifiedAfterwardsAndNothingIsDeadLettered() throws Exception {
        Person customer = Tokens.customer();
        Person agent = Tokens.agent();
        try (EventPublisher events = new EventPublisher()) {
            events.account("com.logishift.support.account.registered.v1", agent.id(), "agent", "PENDING", agent.name());
        }
        awaitUpTo(Duration.ofSeconds(20), () -> count("SELECT count(*) AS n FROM directory_account WHERE id = $1",
                agent.id()) == 1, "the agent is known");

        TcpProxy database = DatabaseProxyTestResource.proxy();
        List<UUID> tickets = new ArrayList<>();
        List<String> eventIds = new ArrayList<>();
        boolean consumerReportedDown = false;
        database.cut();
        try {
            try (EventPublisher events = new EventPublisher()) {
                eventIds.add(events.account("com.logishift.support.agent.approved.v1", agent.id(), "agent",
                        "APPROVED", agent.name()));
                for (int i = 0; i < 5; i++) {
                    UUID ticket = UUID.randomUUID();
                    tickets.add(ticket);
                    eventIds.add(events.send(EventPublisher.ticketTopic(), UUID.randomUUID().toString(),
                            T + "status-changed.v1", ticket, "{\"ticketId\":\"" + ticket + "\",\"reference\":\"SUP-9"
                                    + i + "\",\"customerId\":\"" + customer.id() + "\",\"assigneeId\":\"" + agent.id()
                                    + "\",\"from\":\"IN_PROGRESS\",\"to\":\"RESOLVED\"}"));
                }
            }
            // the outage itself (the old consumers gave up after ~5 s); readiness is watched meanwhile
            consumerReportedDown = OperationsChecks.readinessReportedDownDuring(OUTAGE, "event consumers");
        } finally {
            database.restore();
        }

        // the retry delay has grown during the outage: allow for one full delay after it
        awaitUpTo(Duration.ofSeconds(60), () -> eventIds.stream().allMatch(id ->
                count("SELECT count(*) AS n FROM notification WHERE event_id = $1", id) >= 1),
                "every event's notifications once the database is back");
        for (String id : eventIds.subList(1, eventIds.size())) {
            assertEquals(2, count("SELECT count(*) AS n FROM notification WHERE event_id = $1 AND recipient_id IN ($2, $3)",
                    id, customer.id(), agent.id()), "the customer and the agent of " + id);
        }
        assertEquals(1, count("SELECT count(*) AS n FROM notification WHERE event_id = $1 AND recipient_id = $2",
                eventIds.get(0), agent.id()), "the approval reached the agent");

        // same key, same partition, one at a time: anything dead-lettered was written before a later
        // event of that key was applied, so the dead-letter topic is complete here
        Set<String> keys = tickets.stream().map(UUID::toString).collect(Collectors.toSet());
        keys.add(agent.id().toString());
        try (TopicReader dlq = new TopicReader("test.notification-service.dlq")) {
            long dead = dlq.readToEnd().stream().filter(r -> keys.contains(r.key())).count();
            assertEquals(0, dead, "valid events dead-lettered during the outage");
        }
        assertTrue(consumerReportedDown, "readiness reported the consumers waiting for the database");
        awaitUpTo(Duration.ofSeconds(60), () -> given().get("/q/health/ready").statusCode() == 200, "ready again");
    }

    private long count(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely().iterator().next().getLong("n");
    }

    private static void awaitUpTo(Duration timeout, BooleanSupplier condition, String what) {
        Eventually.until(what, timeout, condition);
    }
}
