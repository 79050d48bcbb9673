package com.logishift.support.ticket.agent;

import com.logishift.support.kit.test.Eventually;
import static com.logishift.support.ticket.support.Api.agentStatus;
import static com.logishift.support.ticket.support.Topics.accountEventsDeadLetters;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.logishift.support.ticket.support.AccountEventsPublisher;
import com.logishift.support.kit.test.DatabaseProxyTestResource;
import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.OperationsChecks;
import com.logishift.support.kit.test.TcpProxy;
import com.logishift.support.kit.test.TopicReader;
import com.logishift.support.kit.test.Tokens;
import com.logishift.support.kit.test.Tokens.Person;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 28: the database goes away for 30 seconds while an admin approves five agents.
 * Every approval must be applied once it is back; none may be dead-lettered; readiness is DOWN
 * meanwhile. The service's connections run through a proxy the test cuts (connections dropped,
 * new ones refused), so the shared PostgreSQL and the module's other tests are not disturbed.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
// Its own application instance: the outage leaves the reactive pool logging errors (vertx-sql-client#1706)
// that must not reach the other test classes, whose requests are checked for ERROR logs.
@QuarkusTestResource(value = DatabaseProxyTestResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "database", value = "ticket_service"))
class DatabaseOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Test
    void approvalsDuringADatabaseOutageAreAppliedAfterwardsAndNothingIsDeadLettered() throws Exception {
        TcpProxy database = DatabaseProxyTestResource.proxy();
        List<Person> agents = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            agents.add(Tokens.agent());
        }
        boolean consumerReportedDown = false;
        database.cut();
        try {
            try (AccountEventsPublisher events = new AccountEventsPublisher()) {
                for (Person agent : agents) {
                    events.registeredAgent(agent.id(), agent.name());
                    events.approved(agent.id(), agent.name());
                }
            }
            // the outage itself (the old consumer gave up after ~5 s); readiness is watched meanwhile
            consumerReportedDown = OperationsChecks.readinessReportedDownDuring(OUTAGE, "account events consumer");
        } finally {
            database.restore();
        }

        Set<String> ids = agents.stream().map(a -> a.id().toString()).collect(Collectors.toSet());
        awaitLong(() -> agents.stream().allMatch(a -> "APPROVED".equals(agentStatus(pool, a.id()))),
                "every approval is applied once the database is back");
        // same key, same partition, one at a time: anything dead-lettered was written before the
        // agent's approval was applied, so the dead-letter topic is complete here
        try (TopicReader dlq = new TopicReader(accountEventsDeadLetters())) {
            long dead = dlq.readToEnd().stream().filter(r -> ids.contains(r.key())).count();
            assertEquals(0, dead, "valid events dead-lettered during the outage");
        }
        assertTrue(consumerReportedDown, "readiness reported the consumer waiting for the database");
        awaitLong(() -> given().get("/q/health/ready").statusCode() == 200, "ready again");
    }

    /** The retry delay grows to its maximum during the outage: allow for one full delay after it. */
    private static void awaitLong(java.util.function.BooleanSupplier condition, String what) {
        Eventually.until(what, Duration.ofSeconds(60), condition);
    }
}
