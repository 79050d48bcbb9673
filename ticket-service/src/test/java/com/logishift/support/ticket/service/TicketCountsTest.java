package com.logishift.support.ticket.service;

import static com.logishift.support.kit.test.Parallel.inParallel;
import static com.logishift.support.ticket.support.Api.approvedAgent;
import static com.logishift.support.ticket.support.Api.as;
import static com.logishift.support.ticket.support.Api.await;
import static com.logishift.support.ticket.support.Api.messages;
import static com.logishift.support.ticket.support.Api.moveTo;
import static com.logishift.support.ticket.support.Api.openTicket;
import static com.logishift.support.ticket.support.Api.resetDatabase;
import static com.logishift.support.ticket.support.Api.take;
import static com.logishift.support.ticket.support.Api.ticketBody;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.Tokens;
import com.logishift.support.kit.test.Tokens.Person;
import com.logishift.support.ticket.TicketStatus;
import com.logishift.support.ticket.support.AccountEventsPublisher;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The ticket counters (migration V9, {@link TicketCounts}) equal a real count of the tickets after
 * every kind of change, read with the ledger unfolded and again after folding it; the list totals
 * and the stats come from them.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class TicketCountsTest {

    /** Per key: tickets / first responses / their seconds / resolved tickets / their seconds. */
    private static final String REAL_COUNTS = """
            SELECT status, priority, category, assignee_id,
                   concat_ws('/', count(*), count(first_response_at),
                             trim_scale(COALESCE(sum(extract(epoch FROM first_response_at - created_at)), 0)),
                             count(resolved_at),
                             trim_scale(COALESCE(sum(extract(epoch FROM resolved_at - created_at)), 0))) AS n
              FROM ticket GROUP BY status, priority, category, assignee_id""";
    private static final String COUNTED = """
            concat_ws('/', sum(tickets), sum(first_responses), trim_scale(sum(first_response_seconds)),
                      sum(resolutions), trim_scale(sum(resolution_seconds))) AS n""";

    @Inject
    Pool pool;

    @Inject
    TicketCounts counts;

    @Test
    void theCountersMatchTheTicketsAfterEveryKindOfChange() {
        resetDatabase(pool);
        assertCountersMatchTickets("after TRUNCATE");
        Person customer = Tokens.customer();
        Person admin = Tokens.admin();

        String queued = openTicket(customer);
        assertCountersMatchTickets("after a creation with nobody to assign");
        Person first = approvedAgent(pool);
        await(() -> first.id().toString().equals(assignee(queued)), "the queue drains to the approved agent");
        assertCountersMatchTickets("after the queue drain (auto-assignment on approval)");
        Person second = approvedAgent(pool);
        String a = openTicket(customer, "LOST", "LOW");
        String b = openTicket(customer, "LATE", "MEDIUM");
        assertCountersMatchTickets("after auto-assigned creations");

        take(second, queued);
        assertCountersMatchTickets("after assign-self took another agent's ticket");
        as(second).body(Map.of("body", "On it.", "visibility", "PUBLIC")).post(messages(queued)).then().statusCode(201);
        assertCountersMatchTickets("after the first response");
        as(admin).body(Map.of("agentId", first.id().toString())).post(ticket(a) + "reassign/").then().statusCode(200);
        assertCountersMatchTickets("after an admin's reassignment");
        as(admin).body(Map.of("unassign", true)).post(ticket(b) + "reassign/").then().statusCode(200);
        assertCountersMatchTickets("after an admin's unassignment");

        for (String status : List.of("ON_HOLD", "IN_PROGRESS", "RESOLVED")) {
            moveTo(second, queued, status);
            assertCountersMatchTickets("after the status change to " + status);
        }
        as(customer).body(Map.of("body", "Still broken, sorry.")).post(messages(queued)).then().statusCode(201);
        assertEquals("IN_PROGRESS", status(queued), "the customer's message reopened the ticket");
        assertCountersMatchTickets("after the customer's message reopened the ticket");
        moveTo(second, queued, "RESOLVED");
        as(customer).body(Map.of("rating", 5)).post(ticket(queued) + "feedback/").then().statusCode(201);
        assertCountersMatchTickets("after the feedback closed the ticket");

        Map<String, Object> followUp = ticketBody("Follow-up");
        followUp.put("followUpOf", queued);
        as(customer).body(followUp).post("/api/support/tickets/create/").then().statusCode(201);
        assertCountersMatchTickets("after a follow-up's creation");

        // the priority is a counted dimension too (changed here as its own use case will)
        pool.preparedQuery("UPDATE ticket SET priority = 'HIGH' WHERE id = $1").execute(Tuple.of(UUID.fromString(a)))
                .await().indefinitely();
        assertCountersMatchTickets("after a priority change");

        try (AccountEventsPublisher events = new AccountEventsPublisher()) {
            events.deactivated(second.id(), second.name(), admin.id());
        }
        await(() -> unresolvedOf(second.id()) == 0, "the deactivated agent's tickets go to the other agent");
        assertCountersMatchTickets("after a deactivation handed tickets to another agent");
        try (AccountEventsPublisher events = new AccountEventsPublisher()) {
            events.deactivated(first.id(), first.name(), admin.id());
        }
        await(() -> unresolvedOf(first.id()) == 0, "the last agent's tickets go back to the queue");
        assertCountersMatchTickets("after a deactivation sent tickets back to the queue");

        resetDatabase(pool);
        assertEquals(Map.of(), counters(), "TRUNCATE empties the counters with the tickets");
    }

    @Test
    void listTotalsAndStatsAreTheRealCounts() {
        resetDatabase(pool);
        Person customer = Tokens.customer();
        Person other = Tokens.customer();
        Person admin = Tokens.admin();
        openTicket(customer, "LOST", "LOW"); // queued: no agent yet
        Person agent = approvedAgent(pool);
        String working = openTicket(customer, "DAMAGED", "HIGH");
        openTicket(other, "DAMAGED", "HIGH");
        openTicket(other, "LATE", "MEDIUM");
        String unassigned = openTicket(customer, "LOST", "LOW");
        take(agent, working);
        as(admin).body(Map.of("unassign", true)).post(ticket(unassigned) + "reassign/").then().statusCode(200);

        for (String query : List.of("", "status=OPEN", "status=OPEN&priority=LOW", "priority=HIGH&category=DAMAGED",
                "assigneeId=" + agent.id() + "&status=IN_PROGRESS", "assigneeId=" + agent.id(), "unassigned=true",
                "unassigned=true&category=LOST&priority=LOW&status=OPEN", "category=OTHER",
                "assigneeId=" + UUID.randomUUID())) {
            long listed = as(admin).get("/api/admin/support/tickets/?size=1&" + query).then().statusCode(200)
                    .extract().jsonPath().getLong("total");
            assertEquals(realCount(query), listed, "total of the admin's list ?" + query);
        }
        assertEquals(realCount("assigneeId=" + agent.id()), total(as(agent).get("/api/agent/tickets/?scope=assigned")));
        assertEquals(realCount("unassigned=true&status=OPEN"), total(as(agent).get("/api/agent/tickets/?scope=queue")));
        assertEquals(3L, total(as(customer).get("/api/support/tickets/")), "the customer's own tickets only");
        assertEquals(2L, total(as(other).get("/api/support/tickets/")));

        var stats = as(admin).get("/api/admin/support/stats/").then().statusCode(200).extract().jsonPath();
        assertEquals(realCount(""), stats.getLong("total"));
        assertEquals(realCount("status=OPEN"), stats.getLong("byStatus.OPEN"));
        assertEquals(realCount("status=IN_PROGRESS"), stats.getLong("byStatus.IN_PROGRESS"));
        assertEquals(0L, stats.getLong("byStatus.CLOSED"));
        assertEquals(realCount("priority=HIGH"), stats.getLong("byPriority.HIGH"));
        assertEquals(realCount("category=LOST"), stats.getLong("byCategory.LOST"));
        assertEquals(realCount("unassigned=true&status=OPEN"), stats.getLong("unassigned"));
        assertEquals(realCount("assigneeId=" + agent.id()), stats.getLong("agentLoad[0].openTickets"));
    }

    @Test
    void theListTotalIsReadFromTheCountersAndACustomersFromTheirTickets() {
        resetDatabase(pool);
        Person customer = Tokens.customer();
        openTicket(customer);
        UUID nobody = UUID.randomUUID();
        // a counter of 1000 tickets of an assignee that holds none: only the counters know of them
        pool.preparedQuery("INSERT INTO ticket_count_change VALUES ('CLOSED', 'LOW', 'OTHER', $1, 1000, 0, 0, 0, 0)")
                .execute(Tuple.of(nobody)).await().indefinitely();
        try {
            assertEquals(1000L, total(as(Tokens.admin()).get("/api/admin/support/tickets/?assigneeId=" + nobody)));
            assertEquals(1001L, total(as(Tokens.admin()).get("/api/admin/support/tickets/")));
            assertEquals(1L, total(as(customer).get("/api/support/tickets/")), "a customer's list counts tickets");
            counts.fold().await().indefinitely();
            assertEquals(1000L, total(as(Tokens.admin()).get("/api/admin/support/tickets/?assigneeId=" + nobody)),
                    "the same once folded");
            // counters that say nothing matches: the page is not even read
            pool.query("INSERT INTO ticket_count_change SELECT status, priority, category, assignee_id, -1, 0, 0, 0, 0 "
                            + "FROM ticket")
                    .execute().await().indefinitely();
            as(Tokens.admin()).get("/api/admin/support/tickets/?status=OPEN").then().statusCode(200)
                    .body("total", equalTo(0)).body("items", hasSize(0));
        } finally {
            resetDatabase(pool);
        }
    }

    @Test
    void fiftyConcurrentCreationsAreAllCounted() throws Exception {
        resetDatabase(pool);
        approvedAgent(pool);
        approvedAgent(pool);
        int creations = 50;
        List<Person> customers = new ArrayList<>();
        for (int i = 0; i < creations; i++) {
            customers.add(Tokens.customer());
        }
        List<Integer> statuses = inParallel(creations, i -> as(customers.get(i)).body(ticketBody("Concurrent"))
                .post("/api/support/tickets/create/").statusCode());
        assertEquals(java.util.Collections.nCopies(creations, 201), statuses);
        assertEquals(50L, realCount(""));
        assertCountersMatchTickets("after 50 concurrent creations");
    }

    @Test
    void aFailedTransactionLeavesTheCountersUnchanged() {
        resetDatabase(pool);
        openTicket(Tokens.customer());
        openTicket(Tokens.customer());
        Map<String, String> before = counters();
        assertThrows(Exception.class, () -> pool.withTransaction(tx -> tx.query(
                        "UPDATE ticket SET status = 'CLOSED', assignee_id = gen_random_uuid(), category = 'OTHER'")
                .execute()
                .flatMap(updated -> tx.query("INSERT INTO ticket (id) VALUES (gen_random_uuid())").execute()))
                .await().indefinitely(), "the second statement violates NOT NULL");
        assertEquals(before, counters(), "nothing of the rolled-back transaction is counted");
        assertCountersMatchTickets("after a rollback");
    }

    @Test
    void aNewMessageAppendsNothingToTheLedger() {
        resetDatabase(pool);
        Person customer = Tokens.customer();
        String id = openTicket(customer);
        counts.fold().await().indefinitely();
        as(customer).body(Map.of("body", "Any news?")).post(messages(id)).then().statusCode(201);
        assertEquals(0L, pool.query("SELECT count(*) AS n FROM ticket_count_change").execute().await().indefinitely()
                .iterator().next().getLong("n"), "the ticket row changed, but no counted column");
    }

    /** The counters read as the lists read them (ledger unfolded), and once folded, equal the tickets. */
    private void assertCountersMatchTickets(String when) {
        Map<String, String> real = byKey(REAL_COUNTS);
        assertEquals(real, counters(), "counters with the ledger " + when);
        counts.fold().await().indefinitely();
        assertEquals(real, byKey("SELECT status, priority, category, assignee_id, " + COUNTED + " FROM ticket_count "
                + "WHERE tickets <> 0 GROUP BY status, priority, category, assignee_id"), "counters folded " + when);
        assertTrue(byKey("SELECT status, priority, category, assignee_id, '' AS n FROM ticket_count "
                + "WHERE tickets < 0").isEmpty(), "no negative counter " + when);
    }

    /** The counters as the lists and the stats read them: folded rows plus the ledger. */
    private Map<String, String> counters() {
        return byKey("SELECT status, priority, category, assignee_id, " + COUNTED + " FROM " + TicketCounts.CURRENT
                + " c GROUP BY status, priority, category, assignee_id HAVING sum(tickets) <> 0");
    }

    private Map<String, String> byKey(String sql) {
        Map<String, String> counts = new TreeMap<>();
        for (Row row : pool.query(sql).execute().await().indefinitely()) {
            counts.put(row.getString("status") + "/" + row.getString("priority") + "/" + row.getString("category")
                    + "/" + row.getUUID("assignee_id"), row.getString("n"));
        }
        return counts;
    }

    /** count(*) of the tickets an admin-list query string selects. */
    private long realCount(String query) {
        List<String> conditions = new ArrayList<>(List.of("true"));
        Tuple parameters = Tuple.tuple();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] kv = pair.split("=");
            if (kv[0].equals("unassigned")) {
                conditions.add("assignee_id IS NULL");
                continue;
            }
            String column = kv[0].equals("assigneeId") ? "assignee_id" : kv[0];
            parameters.addValue(column.equals("assignee_id") ? UUID.fromString(kv[1]) : kv[1]);
            conditions.add(column + " = $" + parameters.size());
        }
        return pool.preparedQuery("SELECT count(*) AS n FROM ticket WHERE " + String.join(" AND ", conditions))
                .execute(parameters).await().indefinitely().iterator().next().getLong("n");
    }

    private static long total(Response response) {
        return response.then().statusCode(200).extract().jsonPath().getLong("total");
    }

    private long unresolvedOf(UUID agentId) {
        return pool.preparedQuery("SELECT count(*) AS n FROM ticket WHERE assignee_id = $1 AND "
                        + TicketStatus.unresolvedSql("status"))
                .execute(Tuple.of(agentId)).await().indefinitely().iterator().next().getLong("n");
    }

    private String assignee(String ticketId) {
        UUID id = column(ticketId, "assignee_id").getUUID("assignee_id");
        return id == null ? null : id.toString();
    }

    private String status(String ticketId) {
        return column(ticketId, "status").getString("status");
    }

    private Row column(String ticketId, String column) {
        return pool.preparedQuery("SELECT " + column + " FROM ticket WHERE id = $1")
                .execute(Tuple.of(UUID.fromString(ticketId))).await().indefinitely().iterator().next();
    }

    private static String ticket(String id) {
        return "/api/support/tickets/" + id + "/";
    }
}
