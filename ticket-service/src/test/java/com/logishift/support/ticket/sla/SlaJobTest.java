package com.logishift.support.ticket.sla;

import static com.logishift.support.kit.test.Parallel.inParallel;
import static com.logishift.support.kit.test.TopicReader.header;
import static com.logishift.support.ticket.support.Api.approvedAgent;
import static com.logishift.support.ticket.support.Api.as;
import static com.logishift.support.ticket.support.Api.moveTo;
import static com.logishift.support.ticket.support.Api.take;
import static com.logishift.support.ticket.support.Topics.ticketEvents;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.logishift.support.kit.test.Eventually;
import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.MetricsCatalogue;
import com.logishift.support.kit.test.TopicReader;
import com.logishift.support.kit.test.Tokens;
import com.logishift.support.kit.test.Tokens.Person;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The SLA job: alerts at 80 % and 100 % of each clock, exactly once per clock whatever the number of
 * replicas, staff-only on the timeline. The pass takes its "now" as a parameter, so the tests run it
 * days ahead instead of waiting; several threads passing at once stand for several replicas.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class SlaJobTest {

    private static final String WARNING = "com.logishift.support.ticket.sla-warning.v1";
    private static final String BREACHED = "com.logishift.support.ticket.sla-breached.v1";

    @Inject
    SlaJob job;

    @Inject
    Pool pool;

    @Test
    void replicasPassingAtOnceAnnounceEachClockExactlyOnce() throws Exception {
        Person customer = Tokens.customer();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(SlaApiTest.open(customer, i % 2 == 0 ? "HIGH" : "LOW"));
        }
        Instant later = Instant.now().plus(Duration.ofDays(60));
        Map<String, double[]> breachesBefore = breaches();
        int replicas = 4;
        inParallel(replicas, replica -> {
            int fired = 0;
            for (int i = 0; i < 3; i++) {
                fired += job.pass(later.plusMillis(replica * 10L + i)).await().atMost(Duration.ofMinutes(2));
            }
            return fired;
        });

        // every breach written is counted once, per clock (the passes also breach other tests' tickets)
        breaches().forEach((clock, now) -> {
            double[] before = breachesBefore.get(clock);
            assertTrue(now[1] - before[1] >= ids.size(), clock + ": the new tickets' breaches written");
            assertEquals(now[1] - before[1], now[0] - before[0], clock + ": counted as written");
        });

        for (String id : ids) {
            List<Row> events = rows("SELECT event_type, payload FROM outbox_event WHERE aggregate_id = $1"
                    + " AND event_type IN ($2, $3) ORDER BY seq", id, WARNING, BREACHED);
            assertEquals(4, events.size(), id + ": one warning and one breach per clock");
            Map<String, Integer> perClock = new HashMap<>();
            for (Row e : events) {
                String clock = e.getString("payload").contains("\"FIRST_RESPONSE\"") ? "FIRST_RESPONSE" : "RESOLUTION";
                perClock.merge(e.getString("event_type") + "/" + clock, 1, Integer::sum);
            }
            assertEquals(Map.of(WARNING + "/FIRST_RESPONSE", 1, BREACHED + "/FIRST_RESPONSE", 1,
                    WARNING + "/RESOLUTION", 1, BREACHED + "/RESOLUTION", 1), perClock);
            List<Row> entries = rows("SELECT kind, to_value, internal, actor_id FROM ticket_timeline"
                    + " WHERE ticket_id = $1 AND kind LIKE 'SLA_%' ORDER BY seq", uuid(id));
            assertEquals(4, entries.size());
            for (Row entry : entries) {
                assertTrue(entry.getBoolean("internal"), "SLA entries are staff only");
                assertNull(entry.getUUID("actor_id"), "written by the system");
            }
            Row ticket = rows("SELECT sla_fired, sla_next_check_at FROM ticket WHERE id = $1", uuid(id)).get(0);
            assertEquals(15, ticket.getInteger("sla_fired"));
            assertNull(ticket.getValue("sla_next_check_at"), "nothing left to announce");
        }

        // and on Kafka, once each: read the topic after the relay has published everything
        Eventually.until("the alerts are published", () -> ids.stream().allMatch(id -> rows(
                "SELECT count(*) AS n FROM outbox_event WHERE aggregate_id = $1 AND event_type IN ($2, $3)"
                        + " AND published_at IS NOT NULL", id, WARNING, BREACHED).get(0).getLong("n") == 4));
        try (TopicReader reader = new TopicReader(ticketEvents())) {
            reader.await(r -> ids.contains(r.key()) && isAlert(r), 4 * ids.size(), Duration.ofSeconds(30));
            List<ConsumerRecord<String, String>> all = reader.readToEnd();
            for (String id : ids) {
                assertEquals(4, all.stream().filter(r -> id.equals(r.key()) && isAlert(r)).count(), id);
            }
        }
    }

    @Test
    void nothingIsAnnouncedEarlyAndAReopenDoesNotReArmAClock() {
        Person agent = approvedAgent(pool);
        Person customer = Tokens.customer();
        String id = SlaApiTest.open(customer, "HIGH");
        String base = "/api/support/tickets/" + id;
        as(Tokens.admin()).body(Map.of("agentId", agent.id().toString())).post(base + "/reassign/").then()
                .statusCode(200);
        take(agent, id);

        job.pass(Instant.now()).await().atMost(Duration.ofMinutes(2));
        assertEquals(0, alerts(id));
        Row row = rows("SELECT sla_next_check_at, sla_fr_due_at FROM ticket WHERE id = $1", uuid(id)).get(0);
        assertNotNull(row.getValue("sla_next_check_at"), "the warning is still to come");
        assertTrue(row.getOffsetDateTime("sla_next_check_at").isBefore(row.getOffsetDateTime("sla_fr_due_at")));

        job.pass(Instant.now().plus(Duration.ofDays(60))).await().atMost(Duration.ofMinutes(2));
        assertEquals(4, alerts(id));
        moveTo(agent, id, "RESOLVED");
        as(agent).body(Map.of("status", "IN_PROGRESS")).put(base + "/update-status/").then().statusCode(200)
                .body("sla.resolution.status", org.hamcrest.Matchers.equalTo("RUNNING"));
        job.pass(Instant.now().plus(Duration.ofDays(120))).await().atMost(Duration.ofMinutes(2));
        assertEquals(4, alerts(id), "a clock that already fired stays quiet after a reopen");

        // staff see the alerts on the timeline, the customer never does
        as(agent).get(base + "/timeline/").then().statusCode(200)
                .body("items.findAll { it.kind == 'SLA_WARNING' }.to", org.hamcrest.Matchers.containsInAnyOrder(
                        "FIRST_RESPONSE", "RESOLUTION"))
                .body("items.findAll { it.kind == 'SLA_BREACHED' }.size()", org.hamcrest.Matchers.equalTo(2));
        String customers = as(customer).get(base + "/timeline/").then().statusCode(200).extract().asString();
        assertTrue(!customers.contains("SLA_"), customers);
        String ticket = as(customer).get(base + "/").then().statusCode(200).extract().asString();
        assertTrue(!ticket.contains("\"sla\"") && !ticket.contains("BREACHED"), ticket);
    }

    @Test
    void aTicketResolvedWithoutAnAnswerIsNotAnnouncedUntilItIsReopened() {
        Person agent = approvedAgent(pool);
        String id = SlaApiTest.open(Tokens.customer(), "HIGH");
        as(Tokens.admin()).body(Map.of("agentId", agent.id().toString())).post("/api/support/tickets/" + id
                + "/reassign/").then().statusCode(200);
        take(agent, id);
        moveTo(agent, id, "RESOLVED"); // no public answer: the first-response clock was never stopped

        Row resolved = rows("SELECT sla_fr_status, sla_due_at, sla_next_check_at FROM ticket WHERE id = $1", uuid(id)).get(0);
        assertEquals("RUNNING", resolved.getString("sla_fr_status"), "the clock itself runs on");
        assertNull(resolved.getValue("sla_due_at"), "out of the nearest-due order");
        assertNull(resolved.getValue("sla_next_check_at"), "out of the job's schedule");
        job.pass(Instant.now().plus(Duration.ofDays(60))).await().atMost(Duration.ofMinutes(2));
        assertEquals(0, alerts(id), "nothing announced for a resolved ticket");

        // reopened: the due is back, and the alerts its running clock passed meanwhile come
        as(agent).body(Map.of("status", "IN_PROGRESS")).put("/api/support/tickets/" + id + "/update-status/").then()
                .statusCode(200);
        Row reopened = rows("SELECT sla_due_at, sla_fr_due_at, sla_next_check_at FROM ticket WHERE id = $1", uuid(id)).get(0);
        assertEquals(reopened.getOffsetDateTime("sla_fr_due_at"), reopened.getOffsetDateTime("sla_due_at"));
        assertNotNull(reopened.getValue("sla_next_check_at"));
        job.pass(Instant.now().plus(Duration.ofDays(60))).await().atMost(Duration.ofMinutes(2));
        assertEquals(4, alerts(id), "both clocks' warning and breach once it is work again");
    }

    @Test
    void theScheduleMirrorFollowsEveryWriterAndTheJobRewritesNoIndexedColumn() {
        Person agent = approvedAgent(pool);
        Person customer = Tokens.customer();
        String id = SlaApiTest.open(customer, "HIGH");
        String other = SlaApiTest.open(customer, "LOW");
        assertMirrorMatches("after creations");
        assertEquals(1, rows("SELECT 1 FROM ticket_sla_check WHERE ticket_id = $1", uuid(id)).size());
        as(Tokens.admin()).body(Map.of("agentId", agent.id().toString())).post("/api/support/tickets/" + id
                + "/reassign/").then().statusCode(200);
        take(agent, id);
        moveTo(agent, id, "ON_HOLD");
        assertMirrorMatches("after status changes");
        job.pass(Instant.now().plus(Duration.ofDays(60))).await().atMost(Duration.ofMinutes(2));
        assertMirrorMatches("after a pass");
        assertNull(rows("SELECT next_check_at FROM ticket_sla_check WHERE ticket_id = $1", uuid(other)).stream()
                .findFirst().orElse(null), "a ticket with nothing left to announce leaves the schedule");
        rows("DELETE FROM ticket_timeline WHERE ticket_id = $1", uuid(other));
        rows("DELETE FROM ticket_message WHERE ticket_id = $1", uuid(other));
        rows("UPDATE ticket SET sla_next_check_at = now() + interval '1 day' WHERE id = $1", uuid(other));
        assertEquals(1, rows("SELECT 1 FROM ticket_sla_check WHERE ticket_id = $1", uuid(other)).size());
        rows("DELETE FROM ticket WHERE id = $1", uuid(other));
        assertMirrorMatches("after a deletion");
        assertEquals(0, rows("SELECT 1 FROM ticket_sla_check WHERE ticket_id = $1", uuid(other)).size());
        // HOT: no index of the ticket table may cover a column the pass rewrites
        List<Row> covering = rows("SELECT indexrelid::regclass::text AS name FROM pg_index "
                + "WHERE indrelid = 'ticket'::regclass AND (pg_get_indexdef(indexrelid) ~ $1)",
                "sla_next_check_at|sla_fired|timeline_seq");
        assertEquals(List.of(), covering.stream().map(r -> r.getString("name")).toList());
    }

    /** Every ticket's sla_next_check_at is in ticket_sla_check, and nothing else is. */
    private void assertMirrorMatches(String when) {
        assertEquals(0L, rows("SELECT count(*) AS n FROM ticket t FULL JOIN ticket_sla_check c ON c.ticket_id = t.id "
                + "WHERE t.sla_next_check_at IS DISTINCT FROM c.next_check_at").get(0).getLong("n"), when);
    }

    private long alerts(String id) {
        return rows("SELECT count(*) AS n FROM outbox_event WHERE aggregate_id = $1 AND event_type IN ($2, $3)", id,
                WARNING, BREACHED).get(0).getLong("n");
    }

    /** Per clock: {support_sla_breaches_total, breach events in the outbox}. */
    private Map<String, double[]> breaches() {
        Map<String, double[]> breaches = new HashMap<>();
        for (String clock : new String[] {"FIRST_RESPONSE", "RESOLUTION"}) {
            breaches.put(clock, new double[] {
                MetricsCatalogue.scrape("support_sla_breaches_total", "clock=\"" + clock.toLowerCase() + "\""),
                rows("SELECT count(*) AS n FROM outbox_event WHERE event_type = $1 AND payload LIKE $2", BREACHED,
                        "%\"" + clock + "\"%").get(0).getLong("n")});
        }
        return breaches;
    }

    private static boolean isAlert(ConsumerRecord<String, String> record) {
        String type = header(record, "ce_type");
        return WARNING.equals(type) || BREACHED.equals(type);
    }

    private List<Row> rows(String sql, Object... parameters) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery(sql).execute(Tuple.from(parameters)).await().indefinitely().forEach(rows::add);
        return rows;
    }

    static UUID uuid(String id) {
        return UUID.fromString(id);
    }
}
