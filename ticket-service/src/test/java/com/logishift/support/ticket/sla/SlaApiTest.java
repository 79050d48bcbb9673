package com.logishift.support.ticket.sla;

import static com.logishift.support.kit.test.Parallel.inParallel;
import static com.logishift.support.ticket.support.Api.approvedAgent;
import static com.logishift.support.ticket.support.Api.as;
import static com.logishift.support.ticket.support.Api.messages;
import static com.logishift.support.ticket.support.Api.take;
import static com.logishift.support.ticket.support.Api.ticketBody;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.Tokens;
import com.logishift.support.kit.test.Tokens.Person;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SLA policy API and the clocks as staff see them, through the API. The tests run on a
 * round-the-clock policy, so business time is wall time and dues are exact; the default office hours
 * come back afterwards.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class SlaApiTest {

    private static final String TICKETS = "/api/support/tickets/";

    @Inject
    Pool pool;

    @BeforeEach
    void roundTheClock() {
        SlaPolicies24x7.put(SlaPolicies24x7.roundTheClock(), 60);
    }

    @AfterEach
    void officeHoursAgain() {
        SlaPolicies24x7.put(SlaPolicies24x7.officeHours(), 60);
    }

    // --- the policy ---------------------------------------------------------------------------------

    @Test
    void agentsAndAdminsReadThePolicyOnlyAdminsWriteItAndAStaleVersionIsAConflict() {
        int version = SlaPolicies24x7.currentVersion();
        as(Tokens.agent()).get(SlaPolicies24x7.PATH).then().statusCode(200)
                .body("timeZone", equalTo("Europe/Berlin")).body("version", equalTo(version))
                .body("targets.HIGH.firstResponseMinutes", equalTo(60)).body("updatedAt", org.hamcrest.Matchers.notNullValue());
        as(Tokens.customer()).get(SlaPolicies24x7.PATH).then().statusCode(403);
        com.logishift.support.ticket.support.Api.anonymous().get(SlaPolicies24x7.PATH).then().statusCode(401);
        Map<String, Object> body = new HashMap<>(SlaPolicies24x7.body(SlaPolicies24x7.roundTheClock(), 60));
        body.put("version", version);
        as(Tokens.agent()).body(body).put(SlaPolicies24x7.PATH).then().statusCode(403);
        as(Tokens.customer()).body(body).put(SlaPolicies24x7.PATH).then().statusCode(403);

        JsonPath written = as(Tokens.admin()).body(body).put(SlaPolicies24x7.PATH).then().statusCode(200)
                .body("version", equalTo(version + 1)).extract().jsonPath();
        // stored as the document itself, so a service that did not write it (restarted, another
        // replica) reads it: a JSON string holding it made every ticket creation there fail
        String stored = pool.preparedQuery("SELECT jsonb_typeof(policy) || ' ' || (policy ->> 'timeZone') AS t "
                        + "FROM sla_policy WHERE version = $1").execute(Tuple.of(version + 1))
                .await().indefinitely().iterator().next().getString("t");
        assertEquals("object Europe/Berlin", stored);
        assertEquals(7, written.getList("businessHours").size());
        as(Tokens.admin()).body(body).put(SlaPolicies24x7.PATH).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://support.logishift.com/problems/version-conflict"));
        as(Tokens.agent()).get(SlaPolicies24x7.PATH).then().body("version", equalTo(version + 1));
    }

    @Test
    void ofTwoAdminsWritingTheSameVersionOneWins() throws Exception {
        Map<String, Object> body = new HashMap<>(SlaPolicies24x7.body(SlaPolicies24x7.roundTheClock(), 60));
        body.put("version", SlaPolicies24x7.currentVersion());
        List<Integer> codes = inParallel(4, i -> as(Tokens.admin()).body(body).put(SlaPolicies24x7.PATH).statusCode());
        assertEquals(1, codes.stream().filter(c -> c == 200).count(), codes.toString());
        assertEquals(3, codes.stream().filter(c -> c == 409).count(), codes.toString());
    }

    @Test
    void aBrokenPolicyIsRefusedFieldByField() {
        int version = SlaPolicies24x7.currentVersion();
        Map<String, Object> good = new HashMap<>(SlaPolicies24x7.body(SlaPolicies24x7.roundTheClock(), 60));
        good.put("version", version);
        Map<String, Object> targets = new HashMap<>((Map<String, Object>) good.get("targets"));
        List<Object[]> cases = new ArrayList<>();
        cases.add(new Object[] {"timeZone", "Europe/Ber\u0000lin"});
        cases.add(new Object[] {"timeZone", "Mars/Olympus_Mons"});
        cases.add(new Object[] {"timeZone", 42});
        cases.add(new Object[] {"businessHours", List.of()});
        cases.add(new Object[] {"businessHours", List.of(Map.of("day", "MONDAY", "start", "09:00", "end", "12:00"),
                Map.of("day", "MONDAY", "start", "11:59", "end", "13:00"))});
        cases.add(new Object[] {"businessHours", List.of(Map.of("day", "MONDAY", "start", "12:00", "end", "09:00"))});
        cases.add(new Object[] {"businessHours", List.of(Map.of("day", "FUNDAY", "start", "09:00", "end", "12:00"))});
        cases.add(new Object[] {"businessHours", List.of(Map.of("day", "MONDAY", "start", "9", "end", "25:00"))});
        cases.add(new Object[] {"holidays", List.of("2026-12-25", "2026-12-25")});
        cases.add(new Object[] {"holidays", List.of("25.12.2026")});
        cases.add(new Object[] {"holidays", java.util.Collections.nCopies(367, "2026-12-25")});
        cases.add(new Object[] {"targets", Map.of("HIGH", targets.get("HIGH"))});
        cases.add(new Object[] {"targets", with(targets, "URGENT", targets.get("HIGH"))});
        cases.add(new Object[] {"targets", with(targets, "HIGH", Map.of("firstResponseMinutes", "60",
                "resolutionMinutes", 480))});
        cases.add(new Object[] {"targets", with(targets, "HIGH", Map.of("firstResponseMinutes", 60.5,
                "resolutionMinutes", 480))});
        cases.add(new Object[] {"targets", with(targets, "HIGH", Map.of("firstResponseMinutes", 0,
                "resolutionMinutes", 480))});
        cases.add(new Object[] {"targets", with(targets, "HIGH", Map.of("firstResponseMinutes", 600,
                "resolutionMinutes", 480))});
        cases.add(new Object[] {"targets", with(targets, "HIGH", Map.of("firstResponseMinutes", 60,
                "resolutionMinutes", 525_601))});
        cases.add(new Object[] {"targets", with(targets, "HIGH", Map.of("firstResponseMinutes", 60,
                "resolutionMinutes", new java.math.BigInteger("99999999999999999999999")))});
        cases.add(new Object[] {"version", null});
        cases.add(new Object[] {"version", "1"});
        for (Object[] c : cases) {
            Map<String, Object> body = new HashMap<>(good);
            body.put((String) c[0], c[1]);
            as(Tokens.admin()).body(body).put(SlaPolicies24x7.PATH).then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors.field[0]", org.hamcrest.Matchers.startsWith((String) c[0]));
        }
        as(Tokens.admin()).body("[]").put(SlaPolicies24x7.PATH).then().statusCode(400);
        as(Tokens.admin()).body("").put(SlaPolicies24x7.PATH).then().statusCode(400);
        // nothing was written
        assertEquals(version, SlaPolicies24x7.currentVersion());
    }

    private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(map);
        copy.put(key, value);
        return copy;
    }

    // --- the clocks ---------------------------------------------------------------------------------

    @Test
    void aNewTicketRunsBothClocksOnThePolicyOfItsDayAndCustomersNeverSeeThem() {
        Person customer = Tokens.customer();
        String first = open(customer, "HIGH");
        JsonPath ticket = staff(first);
        Instant created = Instant.parse(ticket.getString("createdAt"));
        assertEquals(created.plus(Duration.ofMinutes(60)), Instant.parse(ticket.getString("sla.firstResponse.dueAt")));
        assertEquals(created.plus(Duration.ofMinutes(480)), Instant.parse(ticket.getString("sla.resolution.dueAt")));
        assertEquals("RUNNING", ticket.getString("sla.firstResponse.status"));
        int remaining = ticket.getInt("sla.firstResponse.remainingMinutes");
        assertTrue(remaining == 59 || remaining == 60, "remaining " + remaining);

        // a policy change applies to tickets created after it
        int before = policyVersionOf(first);
        int after = SlaPolicies24x7.put(SlaPolicies24x7.roundTheClock(), 90);
        String second = open(customer, "HIGH");
        assertEquals(after, policyVersionOf(second));
        assertEquals(before, policyVersionOf(first));
        JsonPath later = staff(second);
        assertEquals(Instant.parse(later.getString("createdAt")).plus(Duration.ofMinutes(90)),
                Instant.parse(later.getString("sla.firstResponse.dueAt")));
        assertEquals(Instant.parse(ticket.getString("sla.firstResponse.dueAt")),
                Instant.parse(staff(first).getString("sla.firstResponse.dueAt")));
        SlaPolicies24x7.put(SlaPolicies24x7.roundTheClock(), 60);

        // customers: no sla in the ticket view nor in their list
        String asCustomer = as(customer).get(TICKETS + first + "/").then().statusCode(200).extract().asString();
        assertFalse(asCustomer.contains("\"sla\""), asCustomer);
        assertFalse(asCustomer.contains("dueAt"), asCustomer);
        String list = as(customer).get(TICKETS).then().statusCode(200).extract().asString();
        assertFalse(list.contains("dueAt"), list);
        // staff lists carry it
        as(Tokens.admin()).get("/api/admin/support/tickets/?size=5").then().statusCode(200)
                .body("items[0].sla.firstResponse.status", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void theFirstPublicStaffMessageStopsTheFirstResponseClockAnInternalNoteDoesNot() {
        Person agent = approvedAgent(pool);
        Person customer = Tokens.customer();
        String id = open(customer, "HIGH");
        as(agent).body(Map.of("body", "checking with the depot", "visibility", "INTERNAL"))
                .post(messages(id)).then().statusCode(201);
        assertEquals("RUNNING", staff(id).getString("sla.firstResponse.status"));
        as(customer).body(Map.of("body", "any news?")).post(messages(id)).then().statusCode(201);
        assertEquals("RUNNING", staff(id).getString("sla.firstResponse.status"));
        String due = staff(id).getString("sla.firstResponse.dueAt");
        as(agent).body(Map.of("body", "It is on its way.", "visibility", "PUBLIC"))
                .post(messages(id)).then().statusCode(201);
        JsonPath ticket = staff(id);
        assertEquals("MET", ticket.getString("sla.firstResponse.status"));
        assertEquals(due, ticket.getString("sla.firstResponse.dueAt"), "MET keeps the due it had");
        assertNull(ticket.get("sla.firstResponse.remainingMinutes"));
        assertEquals("RUNNING", ticket.getString("sla.resolution.status"));
    }

    @Test
    void onHoldPausesResolutionOnlyResolvedStopsItAndAReopenResumesIt() {
        Person agent = approvedAgent(pool);
        Person customer = Tokens.customer();
        String id = assignedTo(agent, customer, "MEDIUM");
        take(agent, id);
        JsonPath running = staff(id);
        Instant due = Instant.parse(running.getString("sla.resolution.dueAt"));

        JsonPath held = status(agent, id, "ON_HOLD");
        assertEquals("PAUSED", held.getString("sla.resolution.status"));
        assertNull(held.get("sla.resolution.dueAt"));
        assertEquals("RUNNING", held.getString("sla.firstResponse.status"), "first response is never paused");
        assertEquals(running.getString("sla.firstResponse.dueAt"), held.getString("sla.firstResponse.dueAt"));
        sleep(300); // a visible pause
        JsonPath resumed = status(agent, id, "IN_PROGRESS");
        assertEquals("RUNNING", resumed.getString("sla.resolution.status"));
        Duration paused = Duration.between(Instant.parse(held.getString("updatedAt")),
                Instant.parse(resumed.getString("updatedAt")));
        Duration moved = Duration.between(due, Instant.parse(resumed.getString("sla.resolution.dueAt")));
        assertTrue(paused.compareTo(Duration.ofMillis(300)) >= 0, paused.toString());
        assertTrue(moved.minus(paused).abs().compareTo(Duration.ofMillis(5)) <= 0,
                "the due moved by the time on hold: " + moved + " vs " + paused);

        JsonPath resolved = status(agent, id, "RESOLVED");
        assertEquals("MET", resolved.getString("sla.resolution.status"));
        assertNull(resolved.get("sla.resolution.remainingMinutes"));
        // the customer's reply reopens the ticket and the clock runs on with the time used
        as(customer).body(Map.of("body", "It is still broken")).post(messages(id)).then().statusCode(201);
        JsonPath reopened = staff(id);
        assertEquals("IN_PROGRESS", reopened.getString("status"));
        assertEquals("RUNNING", reopened.getString("sla.resolution.status"));
        assertTrue(Instant.parse(reopened.getString("sla.resolution.dueAt")).isAfter(
                Instant.parse(resumed.getString("sla.resolution.dueAt"))));
    }

    @Test
    void aPriorityChangeTakesTheNewTargetsKeepsTheTimeUsedAndIsOnTheTimeline() {
        Person agent = approvedAgent(pool);
        Person customer = Tokens.customer();
        String id = assignedTo(agent, customer, "HIGH");
        Instant created = Instant.parse(staff(id).getString("createdAt"));
        String path = TICKETS + id + "/update-priority/";

        as(Tokens.agent()).body(Map.of("priority", "LOW")).put(path).then().statusCode(403); // not the assignee
        as(customer).body(Map.of("priority", "LOW")).put(path).then().statusCode(403);
        com.logishift.support.ticket.support.Api.anonymous().body(Map.of("priority", "LOW")).put(path).then()
                .statusCode(401);
        as(agent).body(Map.of("priority", "URGENT")).put(path).then().statusCode(400);
        as(agent).body(Map.of("priority", 2)).put(path).then().statusCode(400);
        as(agent).body(Map.of("priority", "LO\u0000W")).put(path).then().statusCode(400);
        as(agent).body(Map.of()).put(path).then().statusCode(400).body("errors.field", hasItem("priority"));
        as(agent).body(Map.of("priority", "LOW")).put(TICKETS + UUID.randomUUID() + "/update-priority/")
                .then().statusCode(404);
        as(agent).body(Map.of("priority", "LOW")).put(TICKETS + "not-a-uuid/update-priority/").then().statusCode(400);

        JsonPath low = as(agent).body(Map.of("priority", "LOW")).put(path).then().statusCode(200).extract().jsonPath();
        assertEquals("LOW", low.getString("priority"));
        assertEquals(created.plus(Duration.ofMinutes(480)), Instant.parse(low.getString("sla.firstResponse.dueAt")));
        assertEquals(created.plus(Duration.ofMinutes(2400)), Instant.parse(low.getString("sla.resolution.dueAt")));
        // the same priority again changes nothing
        as(Tokens.admin()).body(Map.of("priority", "LOW")).put(path).then().statusCode(200);
        assertEquals(1L, count("SELECT count(*) FROM outbox_event WHERE aggregate_id = $1 AND event_type = $2", id,
                "com.logishift.support.ticket.priority-changed.v1"));
        // the customer sees the change on the timeline
        as(customer).get(TICKETS + id + "/timeline/").then().statusCode(200)
                .body("items.findAll { it.kind == 'PRIORITY_CHANGED' }.size()", equalTo(1))
                .body("items.find { it.kind == 'PRIORITY_CHANGED' }.from", equalTo("HIGH"))
                .body("items.find { it.kind == 'PRIORITY_CHANGED' }.to", equalTo("LOW"));
        // a closed ticket keeps its priority
        status(agent, id, "IN_PROGRESS");
        status(agent, id, "RESOLVED");
        as(customer).body(Map.of("rating", 5)).post(TICKETS + id + "/feedback/").then().statusCode(201);
        as(Tokens.admin()).body(Map.of("priority", "HIGH")).put(path).then().statusCode(409);
    }

    @Test
    void listsSortByTheNearestRunningDueAndRefuseOtherSorts() {
        Person agent = approvedAgent(pool);
        Person customer = Tokens.customer();
        List<String> mine = new ArrayList<>();
        for (String priority : List.of("LOW", "HIGH", "MEDIUM", "HIGH")) {
            mine.add(assignedTo(agent, customer, priority));
        }
        // one without a running clock: resolved after its first response
        take(agent, mine.get(0));
        as(agent).body(Map.of("body", "done", "visibility", "PUBLIC")).post(messages(mine.get(0)))
                .then().statusCode(201);
        status(agent, mine.get(0), "RESOLVED");
        // one resolved without an answer: its first-response clock runs on, but it asks nothing any more
        take(agent, mine.get(3));
        status(agent, mine.get(3), "RESOLVED");

        // (an approval may hand the agent older queued tickets too: look at ours)
        List<String> ids = new ArrayList<>(as(agent).get("/api/agent/tickets/?sort=slaDue&size=100").then()
                .statusCode(200).extract().jsonPath().getList("items.id"));
        ids.retainAll(mine);
        assertEquals(List.of(mine.get(1), mine.get(2), mine.get(3), mine.get(0)), ids,
                "HIGH, MEDIUM, then the resolved ones newest first");
        // without the sort: newest first
        List<String> newest = new ArrayList<>(as(agent).get("/api/agent/tickets/?size=100").then().extract()
                .jsonPath().getList("items.id"));
        newest.retainAll(mine);
        assertEquals(List.of(mine.get(3), mine.get(2), mine.get(1), mine.get(0)), newest);

        List<Map<String, Object>> page = as(Tokens.admin()).get("/api/admin/support/tickets/?sort=slaDue&size=100")
                .then().statusCode(200).extract().jsonPath().getList("items");
        Instant last = Instant.MIN;
        boolean nulls = false;
        for (Map<String, Object> t : page) {
            Instant nearest = nearestRunningDue(t);
            if (nearest == null) {
                nulls = true;
            } else {
                assertFalse(nulls, "tickets without a running due come last");
                assertFalse(nearest.isBefore(last), "nearest due first: " + page);
                last = nearest;
            }
        }
        as(agent).queryParam("sort", "").get("/api/agent/tickets/").then().statusCode(200); // as if left out
        for (String bad : List.of("slaDUE", "createdAt", " slaDue", "slaDue,createdAt", "sla\u0000Due",
                "x".repeat(5000))) {
            as(Tokens.admin()).queryParam("sort", bad).get("/api/admin/support/tickets/").then().statusCode(400)
                    .body("errors.field", hasItem("sort"));
            as(agent).queryParam("sort", bad).get("/api/agent/tickets/").then().statusCode(400);
        }
    }

    @Test
    void statsShowTheShareOfStoppedResolutionClocksThatWereMet() {
        Person agent = approvedAgent(pool);
        String id = assignedTo(agent, Tokens.customer(), "LOW");
        take(agent, id);
        status(agent, id, "RESOLVED");
        JsonPath stats = as(Tokens.admin()).get("/api/admin/support/stats/").then().statusCode(200).extract().jsonPath();
        Map<String, Object> met = stats.getMap("slaMetPercent");
        assertEquals(List.of("HIGH", "MEDIUM", "LOW"), new ArrayList<>(met.keySet()));
        assertNotNull(met.get("LOW"));
        double low = ((Number) met.get("LOW")).doubleValue();
        assertTrue(low > 0 && low <= 100, met.toString());
        assertEquals(100.0 * count("SELECT count(*) FROM ticket WHERE priority = 'LOW' AND sla_res_status = 'MET'")
                / count("SELECT count(*) FROM ticket WHERE priority = 'LOW' AND sla_res_status IN ('MET', 'BREACHED')"),
                low, 0.051);
    }

    // --- helpers ------------------------------------------------------------------------------------

    /**
     * The nearest due of a RUNNING clock of an unresolved ticket (no clock here has been running long
     * enough to be late); none for a resolved or closed one.
     */
    private static Instant nearestRunningDue(Map<String, Object> ticket) {
        Map<String, Map<String, Object>> sla = (Map<String, Map<String, Object>>) ticket.get("sla");
        if (sla == null || List.of("RESOLVED", "CLOSED").contains(ticket.get("status"))) {
            return null;
        }
        Instant nearest = null;
        for (Map<String, Object> clock : sla.values()) {
            if ("RUNNING".equals(clock.get("status"))) {
                Instant due = Instant.parse((String) clock.get("dueAt"));
                nearest = nearest == null || due.isBefore(nearest) ? due : nearest;
            }
        }
        return nearest;
    }

    static String open(Person customer, String priority) {
        Map<String, Object> body = ticketBody("Broken vase " + priority);
        body.put("priority", priority);
        return as(customer).body(body).post(TICKETS + "create/").then().statusCode(201)
                .body("sla", nullValue()).extract().path("id");
    }

    /** A new ticket of the customer's, given to the agent (still OPEN). */
    private static String assignedTo(Person agent, Person customer, String priority) {
        String id = open(customer, priority);
        as(Tokens.admin()).body(Map.of("agentId", agent.id().toString())).post(TICKETS + id + "/reassign/")
                .then().statusCode(200);
        return id;
    }

    static JsonPath staff(String id) {
        return as(Tokens.admin()).get(TICKETS + id + "/").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath status(Person who, String id, String status) {
        return as(who).body(Map.of("status", status)).put(TICKETS + id + "/update-status/").then().statusCode(200)
                .extract().jsonPath();
    }

    private int policyVersionOf(String id) {
        return pool.preparedQuery("SELECT sla_policy_version FROM ticket WHERE id = $1")
                .execute(Tuple.of(UUID.fromString(id))).await().indefinitely().iterator().next().getInteger(0);
    }

    private long count(String sql, Object... parameters) {
        return pool.preparedQuery(sql).execute(Tuple.from(parameters)).await().indefinitely().iterator().next()
                .getLong(0);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
