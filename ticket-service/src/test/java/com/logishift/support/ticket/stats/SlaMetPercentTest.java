package com.logishift.support.ticket.stats;

import static com.logishift.support.kit.test.Parallel.inParallel;
import static com.logishift.support.ticket.support.Api.approvedAgent;
import static com.logishift.support.ticket.support.Api.as;
import static com.logishift.support.ticket.support.Api.moveTo;
import static com.logishift.support.ticket.support.Api.takenTicket;
import static com.logishift.support.ticket.support.Api.openTicket;
import static com.logishift.support.ticket.support.Api.resetDatabase;
import static com.logishift.support.ticket.support.Api.resolvedTicket;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.Tokens;
import com.logishift.support.kit.test.Tokens.Person;
import com.logishift.support.ticket.service.TicketCounts;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The stats' slaMetPercent comes from the ticket counters (V16), which count the stopped resolution
 * clocks per priority exactly as the tickets have them after every change that stops, resumes or
 * merges away a clock — read with the ledger unfolded and again folded.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class SlaMetPercentTest {

    /** Per priority: MET / BREACHED resolution clocks of tickets not merged into another. */
    private static final String REAL = """
            SELECT priority, concat_ws('/', count(*) FILTER (WHERE sla_res_status = 'MET'),
                                            count(*) FILTER (WHERE sla_res_status = 'BREACHED')) AS n
              FROM ticket WHERE merged_into_id IS NULL AND sla_res_status IN ('MET', 'BREACHED')
             GROUP BY priority""";

    @Inject
    Pool pool;

    @Inject
    TicketCounts counts;

    @Test
    void theShareOfMetClocksFollowsEveryChangeThatStopsOrResumesAClock() {
        resetDatabase(pool);
        Person agent = approvedAgent(pool);
        Person customer = Tokens.customer();
        assertEquals(percent(null, null, null), slaMet());

        String h1 = resolvedTicket(customer, agent);
        assertCountersMatchTickets("after a resolution in time");
        String h2 = takenTicket(customer, agent);
        // a resolution clock that has already used more than any target: stopping it is a breach
        sql("UPDATE ticket SET sla_res_used_ms = 1000000000 WHERE id = $1", h2);
        moveTo(agent, h2, "RESOLVED");
        assertEquals("BREACHED", column(h2, "sla_res_status"));
        assertCountersMatchTickets("after a late resolution");
        String h3 = resolvedTicket(customer, agent);
        moveTo(agent, h3, "IN_PROGRESS");
        assertEquals("RUNNING", column(h3, "sla_res_status"));
        assertCountersMatchTickets("after a reopen resumed a stopped clock");
        assertEquals(percent(50.0, null, null), slaMet(), "HIGH: one met, one breached; the reopened one is running");

        String l1 = resolvedTicket(customer, agent);
        String l2 = resolvedTicket(customer, agent);
        sql("UPDATE ticket SET priority = 'LOW' WHERE id = $1 OR id = $2", l1, l2);
        assertCountersMatchTickets("after a priority change of stopped clocks");
        as(customer).body(Map.of("rating", 4)).post(ticket(l1) + "feedback/").then().statusCode(201);
        assertEquals("CLOSED", column(l1, "status"));
        assertCountersMatchTickets("after the feedback closed a ticket (its clock stays MET)");
        sql("UPDATE ticket SET merged_into_id = $2, status = 'CLOSED' WHERE id = $1", l2, l1);
        assertCountersMatchTickets("after a ticket was merged into another");
        String m1 = openTicket(customer);
        sql("UPDATE ticket SET priority = 'MEDIUM' WHERE id = $1", m1);
        assertEquals(percent(50.0, null, 100.0), slaMet(), "LOW: the merged ticket does not count; MEDIUM: running");

        sql("UPDATE ticket SET priority = 'MEDIUM' WHERE id = $1", h2);
        assertCountersMatchTickets("after the breached ticket's priority changed");
        assertEquals(percent(100.0, 0.0, 100.0), slaMet());
        sql("SELECT ticket_count_recount()"); // what the benchmark's seeding runs
        assertCountersMatchTickets("after a recount");
        assertEquals(percent(100.0, 0.0, 100.0), slaMet(), "the same after a recount");

        // only the counters know of these three MET MEDIUM clocks: the stats read the counters
        sql("INSERT INTO ticket_count_change (status, priority, category, assignee_id, delta, first_responses, "
                + "first_response_seconds, resolutions, resolution_seconds, sla_met, sla_breached) "
                + "VALUES ('CLOSED', 'MEDIUM', 'OTHER', NULL, 0, 0, 0, 0, 0, 3, 0)");
        try {
            assertEquals(percent(100.0, 75.0, 100.0), slaMet());
            counts.fold().await().indefinitely();
            assertEquals(percent(100.0, 75.0, 100.0), slaMet(), "the same once folded");
        } finally {
            resetDatabase(pool);
        }
    }

    @Test
    void clocksThatRunPauseOrAnnounceAppendNothingToTheLedger() {
        resetDatabase(pool);
        Person customer = Tokens.customer();
        Person agent = approvedAgent(pool);
        String id = takenTicket(customer, agent);
        // what the benchmark's seeding and the SLA job write: clock columns, marks, next checks
        assertEquals(0L, appended(id, "UPDATE ticket SET sla_res_status = 'PAUSED', sla_res_since = NULL, "
                + "sla_fired = 15, sla_next_check_at = NULL, timeline_seq = timeline_seq + 1 WHERE id = $1",
                "UPDATE ticket SET sla_res_status = 'RUNNING', sla_res_since = now() WHERE id = $1"),
                "no counted column and no stopped clock changed");
        assertEquals(2L, appended(id, "UPDATE ticket SET sla_res_status = 'MET' WHERE id = $1"),
                "a clock that stops leaves its key and joins it again, counted");
        assertCountersMatchTickets("after clock changes");
    }

    @Test
    void concurrentResolutionsAreAllCounted() throws Exception {
        resetDatabase(pool);
        Person customer = Tokens.customer();
        Person agent = approvedAgent(pool);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(takenTicket(customer, agent));
        }
        List<Integer> statuses = inParallel(ids.size(), i -> as(agent).body(Map.of("status", "RESOLVED"))
                .put(ticket(ids.get(i)) + "update-status/").statusCode());
        assertEquals(java.util.Collections.nCopies(ids.size(), 200), statuses);
        assertCountersMatchTickets("after concurrent resolutions");
        assertEquals(percent(100.0, null, null), slaMet());
    }

    // --- helpers ------------------------------------------------------------------------------------

    /** The counters per priority as the stats read them (ledger unfolded), and once folded, equal the tickets. */
    private void assertCountersMatchTickets(String when) {
        Map<String, String> real = byPriority(REAL);
        assertEquals(real, byPriority(counted(TicketCounts.CURRENT)), "counters with the ledger " + when);
        counts.fold().await().indefinitely();
        assertEquals(real, byPriority(counted("ticket_count")), "counters folded " + when);
    }

    private static String counted(String from) {
        return "SELECT priority, concat_ws('/', sum(sla_met), sum(sla_breached)) AS n FROM " + from
                + " c GROUP BY priority HAVING sum(sla_met) <> 0 OR sum(sla_breached) <> 0";
    }

    private Map<String, String> byPriority(String sql) {
        Map<String, String> found = new TreeMap<>();
        for (Row row : pool.query(sql).execute().await().indefinitely()) {
            found.put(row.getString("priority"), row.getString("n"));
        }
        return found;
    }

    private Map<String, Double> slaMet() {
        Map<String, Object> answered = as(Tokens.admin()).get("/api/admin/support/stats/").then().statusCode(200)
                .extract().jsonPath().getMap("slaMetPercent");
        Map<String, Double> met = new HashMap<>();
        answered.forEach((priority, value) -> met.put(priority, value == null ? null : ((Number) value).doubleValue()));
        return met;
    }

    private static Map<String, Double> percent(Double high, Double medium, Double low) {
        Map<String, Double> expected = new HashMap<>();
        expected.put("HIGH", high);
        expected.put("MEDIUM", medium);
        expected.put("LOW", low);
        return expected;
    }

    /**
     * How many ledger rows the statements (parameter $1 = the ticket) append, counted inside their own
     * transaction on one snapshot, so the folds running every second cannot hide them.
     */
    private long appended(String ticketId, String... statements) {
        Tuple id = Tuple.of(UUID.fromString(ticketId));
        String count = "SELECT count(*) AS n FROM ticket_count_change";
        return pool.withTransaction(tx -> tx.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ").execute()
                .flatMap(ignored -> tx.query(count).execute())
                .flatMap(before -> {
                    Uni<Void> all = Uni.createFrom().voidItem();
                    for (String statement : statements) {
                        all = all.flatMap(ignored -> tx.preparedQuery(statement).execute(id).replaceWithVoid());
                    }
                    return all.flatMap(ignored -> tx.query(count).execute())
                            .map(after -> after.iterator().next().getLong("n") - before.iterator().next().getLong("n"));
                })).await().indefinitely();
    }

    private void sql(String sql, Object... ids) {
        Tuple parameters = Tuple.tuple();
        for (Object id : ids) {
            parameters.addValue(UUID.fromString((String) id));
        }
        pool.preparedQuery(sql).execute(parameters).await().indefinitely();
    }

    private String column(String id, String column) {
        return pool.preparedQuery("SELECT " + column + " FROM ticket WHERE id = $1")
                .execute(Tuple.of(UUID.fromString(id))).await().indefinitely().iterator().next().getString(column);
    }

    private static String ticket(String id) {
        return "/api/support/tickets/" + id + "/";
    }
}
