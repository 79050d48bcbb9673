package com.logishift.support.ticket.merge;

import static com.logishift.support.ticket.support.Api.as;
import static com.logishift.support.ticket.support.Api.messages;
import static com.logishift.support.ticket.support.Api.moveTo;
import static com.logishift.support.ticket.support.Api.take;
import static com.logishift.support.ticket.support.Api.ticketBody;
import static com.logishift.support.kit.test.Parallel.inParallel;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.logishift.support.kit.test.ErrorLog;
import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.Tokens;
import com.logishift.support.kit.test.Tokens.Person;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Merging a duplicate: what moves (messages and notes in order, their files), what the two tickets
 * look like afterwards (views, timeline, SLA, counters), where later replies go, every refusal, and
 * merges racing each other.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class MergeTest {

    private static final String TICKETS = "/api/support/tickets/";

    @Inject
    Pool pool;

    /** Admins may merge any ticket; each test's customers and agents are its own. */
    private final Person admin = Tokens.admin();

    // --- helpers ------------------------------------------------------------------------------------

    static String open(Person customer, String deliveryId) {
        Map<String, Object> body = ticketBody("Parcel " + deliveryId);
        body.put("deliveryId", deliveryId);
        return as(customer).body(body).post(TICKETS + "create/").then().statusCode(201).extract().path("id");
    }

    /** A customer's two tickets about one delivery: the one that stays (older) and its duplicate. */
    record Duplicates(Person customer, String delivery, String target, String source) {
    }

    static Duplicates duplicates() {
        Person customer = Tokens.customer();
        String delivery = delivery();
        return new Duplicates(customer, delivery, open(customer, delivery), open(customer, delivery));
    }

    static String delivery() {
        return "DLV-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static String post(Person author, String ticketId, String body, String visibility, List<String> files) {
        Map<String, Object> m = new HashMap<>();
        m.put("body", body);
        if (visibility != null) {
            m.put("visibility", visibility);
        }
        if (files != null) {
            m.put("attachmentIds", files);
        }
        return as(author).body(m).post(messages(ticketId)).then().statusCode(201).extract().path("id");
    }

    static String upload(Person person, String name) {
        return given().header("Authorization", person.bearer())
                .multiPart("file", name, ("contents of " + name).getBytes(StandardCharsets.UTF_8), "text/plain")
                .post("/api/support/attachments/").then().statusCode(201).extract().path("id");
    }

    static Response merge(Person actor, String sourceId, Object intoTicketId) {
        Map<String, Object> body = new HashMap<>();
        body.put("intoTicketId", intoTicketId);
        return as(actor).body(body).post(TICKETS + sourceId + "/merge/");
    }

    static void refused(Response response, String reason) {
        response.then().statusCode(409).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://support.logishift.com/problems/merge-not-allowed"))
                .body("reason", equalTo(reason)).body("detail", startsWith("SUP-"));
    }

    static List<Map<String, Object>> thread(Person reader, String ticketId) {
        return as(reader).get(TICKETS + ticketId + "/messages/?size=100").then().statusCode(200).extract()
                .jsonPath().getList("items");
    }

    static List<Map<String, Object>> timeline(Person reader, String ticketId) {
        return as(reader).get(TICKETS + ticketId + "/timeline/").then().statusCode(200).extract()
                .jsonPath().getList("items");
    }

    static String reference(String ticketId) {
        return as(Tokens.admin()).get(TICKETS + ticketId + "/").then().statusCode(200).extract().path("reference");
    }

    private Row row(String sql, Object... parameters) {
        var rows = pool.preparedQuery(sql).execute(Tuple.from(parameters)).await().indefinitely();
        return rows.iterator().next();
    }

    /** A ticket of the customer's that was resolved and rated, so CLOSED. */
    static String closed(Person customer, Person agent, String deliveryId) {
        String id = open(customer, deliveryId);
        take(agent, id);
        moveTo(agent, id, "RESOLVED");
        as(customer).body(Map.of("rating", 5)).post(TICKETS + id + "/feedback/").then().statusCode(201);
        return id;
    }

    // --- the moves ----------------------------------------------------------------------------------

    @Test
    void messagesNotesAndFilesMoveBehindTheTargetsThreadInTheirOrder() {
        Duplicates d = duplicates();
        Person customer = d.customer();
        Person agent = Tokens.agent();
        String target = d.target(), source = d.source();
        take(agent, source);
        post(customer, target, "t1 customer", null, null);
        post(admin, target, "t2 staff", "PUBLIC", null);
        String photo = upload(customer, "photo.txt");
        String scan = upload(agent, "scan.txt");
        String m1 = post(customer, source, "s1 customer with file", null, List.of(photo));
        String m2 = post(agent, source, "s2 internal note with file", "INTERNAL", List.of(scan));
        String m3 = post(agent, source, "s3 staff reply", "PUBLIC", null);
        as(agent).body(Map.of("body", "s4 add-note")).post(TICKETS + source + "/add-note/").then().statusCode(201);

        merge(agent, source, target).then().statusCode(200)
                .body("id", equalTo(target)).body("mergedIntoId", nullValue()).body("status", equalTo("OPEN"));

        List<Map<String, Object>> all = thread(agent, target);
        assertEquals(List.of("t1 customer", "t2 staff", "s1 customer with file", "s2 internal note with file",
                "s3 staff reply", "s4 add-note"), all.stream().map(m -> m.get("body")).toList());
        assertEquals(List.of(1, 2, 3, 4, 5, 6), all.stream().map(m -> m.get("seq")).toList());
        assertEquals(List.of(m1, m2, m3), all.subList(2, 5).stream().map(m -> m.get("id")).toList());
        assertEquals(photo, ((List<Map<String, Object>>) all.get(2).get("attachments")).get(0).get("id"));
        assertEquals(scan, ((List<Map<String, Object>>) all.get(3).get("attachments")).get(0).get("id"));
        assertTrue(thread(agent, source).isEmpty(), "nothing is left on the merged ticket");

        // the customer: public messages only, the note's file stays staff-only, their own file readable
        List<Map<String, Object>> theirs = thread(customer, target);
        assertEquals(List.of("t1 customer", "t2 staff", "s1 customer with file", "s3 staff reply"),
                theirs.stream().map(m -> m.get("body")).toList());
        as(customer).get("/api/support/attachments/" + photo + "/").then().statusCode(200);
        as(customer).get("/api/support/attachments/" + scan + "/").then().statusCode(404);
        as(agent).get("/api/support/attachments/" + scan + "/").then().statusCode(200);
        assertEquals(target, row("SELECT ticket_id::text AS t FROM attachment WHERE id = $1",
                UUID.fromString(scan)).getString("t"));

        // a new message continues the target's numbering without a gap
        post(customer, target, "after the merge", null, null);
        assertEquals(7, thread(agent, target).get(6).get("seq"));
    }

    @Test
    void theMergedTicketIsClosedPointsAtTheTargetAndBothTimelinesSayMerged() {
        Duplicates d = duplicates();
        Person customer = d.customer();
        String target = d.target(), source = d.source();
        String sourceRef = reference(source);
        String targetRef = reference(target);

        merge(admin, source, target).then().statusCode(200);

        as(admin).get(TICKETS + source + "/").then().statusCode(200).body("status", equalTo("CLOSED"))
                .body("mergedIntoId", equalTo(target)).body("closedAt", startsWith("20"))
                .body("allowedTransitions.size()", equalTo(0))
                .body("sla.firstResponse.status", equalTo("MET")).body("sla.resolution.status", equalTo("MET"))
                .body("possibleDuplicates.size()", equalTo(0));
        as(customer).get(TICKETS + source + "/").then().statusCode(200).body("status", equalTo("CLOSED"))
                .body("mergedIntoId", equalTo(target)).body("possibleDuplicates", nullValue());
        as(customer).get(TICKETS + target + "/").then().statusCode(200).body("mergedIntoId", nullValue());
        Row clocks = row("SELECT sla_next_check_at, sla_due_at FROM ticket WHERE id = $1", UUID.fromString(source));
        assertEquals(null, clocks.getValue("sla_next_check_at"), "the SLA job never looks at it again");
        assertEquals(null, clocks.getValue("sla_due_at"));

        for (String id : List.of(source, target)) {
            for (Person reader : List.of(admin, customer)) {
                Map<String, Object> last = timeline(reader, id).get(timeline(reader, id).size() - 1);
                assertEquals("MERGED", last.get("kind"), id);
                assertEquals(sourceRef, last.get("from"));
                assertEquals(targetRef, last.get("to"));
                assertEquals(admin.id().toString(), ((Map<String, Object>) last.get("actor")).get("id"));
            }
        }
    }

    @Test
    void theCountersFollowTheMergedTicketsClose() {
        Duplicates d = duplicates();
        Person customer = d.customer();
        String target = d.target(), source = d.source();
        merge(admin, source, target).then().statusCode(200);
        for (String status : List.of("OPEN", "CLOSED")) {
            long listed = ((Number) as(Tokens.admin()).get("/api/admin/support/tickets/?status=" + status + "&size=1")
                    .then().statusCode(200).extract().path("total")).longValue();
            long stored = row("SELECT count(*) AS n FROM ticket WHERE status = $1", status).getLong("n");
            assertEquals(stored, listed, status);
        }
    }

    @Test
    void aMergedTicketsStoppedClocksAreNotInTheStatsSlaShare() {
        com.logishift.support.ticket.support.Api.resetDatabase(pool);
        Person customer = Tokens.customer();
        String dlv = delivery();
        String target = open(customer, dlv); // HIGH: the resolution clock keeps running
        String source = open(customer, dlv);
        merge(admin, source, target).then().statusCode(200);
        as(Tokens.admin()).get(TICKETS + source + "/").then().body("sla.resolution.status", equalTo("MET"));
        as(Tokens.admin()).get("/api/admin/support/stats/").then().statusCode(200)
                .body("slaMetPercent.HIGH", nullValue());
    }

    @Test
    void ticketsMergedIntoTheSourceFollowItToTheTarget() {
        Duplicates d = duplicates();
        Person customer = d.customer();
        String first = d.source(), second = d.target(), third = open(customer, d.delivery());
        post(customer, first, "from the first", null, null);
        merge(admin, first, second).then().statusCode(200);
        merge(admin, second, third).then().statusCode(200);

        as(admin).get(TICKETS + first + "/").then().body("mergedIntoId", equalTo(third));
        as(admin).get(TICKETS + second + "/").then().body("mergedIntoId", equalTo(third));
        assertEquals(List.of("from the first"), thread(admin, third).stream().map(m -> m.get("body")).toList());
        // a reply to the oldest lands on the last target directly
        String reply = post(customer, first, "still waiting", null, null);
        assertEquals(reply, thread(admin, third).get(1).get("id"));
    }

    // --- later replies ------------------------------------------------------------------------------

    @Test
    void aReplyToTheMergedTicketLandsOnTheTarget() {
        Duplicates d = duplicates();
        Person customer = d.customer();
        String target = d.target(), source = d.source();
        Map<String, Object> retried = Map.of("body", "sent twice", "clientMessageId", "retry-1");
        String first = as(customer).body(retried).post(messages(source)).then().statusCode(201)
                .extract().path("id");
        merge(admin, source, target).then().statusCode(200);

        as(customer).body(Map.of("body", "Any news?")).post(messages(source)).then().statusCode(201)
                .header("Location", equalTo(TICKETS + target + "/messages/"))
                .body("seq", equalTo(2)).body("body", equalTo("Any news?"));
        // the retry of a post made before the merge finds it on the target
        as(customer).body(retried).post(messages(source)).then().statusCode(200)
                .body("id", equalTo(first));
        // staff notes follow too
        as(admin).body(Map.of("body", "noted")).post(TICKETS + source + "/add-note/").then().statusCode(201);
        assertEquals(List.of("sent twice", "Any news?", "noted"),
                thread(admin, target).stream().map(m -> m.get("body")).toList());
        assertTrue(thread(admin, source).isEmpty());
        // someone else still gets a 404 on the merged ticket, and never a hint of the target
        as(Tokens.customer()).body(Map.of("body", "hi")).post(messages(source)).then().statusCode(404);
    }

    // --- refusals -----------------------------------------------------------------------------------

    @Test
    void everyRefusalHasItsReasonAndChangesNothing() {
        Person customer = Tokens.customer();
        Person agent = Tokens.agent();
        String dlv = delivery();
        String a = open(customer, dlv);
        String b = open(customer, dlv);
        String c = open(customer, dlv);
        String strangers = open(Tokens.customer(), dlv);
        String done = closed(customer, agent, dlv);
        post(customer, a, "stays put", null, null);

        try (ErrorLog log = ErrorLog.open()) {
            refused(merge(admin, a, a), "SAME_TICKET");
            refused(merge(admin, a, strangers), "DIFFERENT_CUSTOMER");
            refused(merge(admin, a, done), "TARGET_CLOSED");
            refused(merge(admin, done, a), "SOURCE_CLOSED");
            assertEquals(List.of("stays put"), thread(admin, a).stream().map(m -> m.get("body")).toList());
            as(admin).get(TICKETS + a + "/").then().body("status", equalTo("OPEN")).body("mergedIntoId", nullValue());

            merge(admin, a, b).then().statusCode(200);
            refused(merge(admin, a, c), "ALREADY_MERGED");
            refused(merge(admin, c, a), "TARGET_MERGED");
            assertTrue(log.errors().isEmpty(), log.errors().toString());
        }
        as(admin).get(TICKETS + c + "/").then().body("status", equalTo("OPEN"));
    }

    @Test
    void onlyTheSourcesAssigneeOrAnAdminMerges() {
        Duplicates d = duplicates();
        Person assignee = Tokens.agent();
        String target = d.target(), source = d.source();
        take(assignee, source);

        merge(d.customer(), source, target).then().statusCode(403);
        merge(Tokens.agent(), source, target).then().statusCode(403)
                .body("type", endsWith("/not-assignee"));
        as(Tokens.admin()).get(TICKETS + source + "/").then().body("status", equalTo("IN_PROGRESS"));
        merge(assignee, source, target).then().statusCode(200).body("id", equalTo(target));
    }

    @Test
    void unknownMalformedAndHostileIdsAre400Or404() {
        Person customer = Tokens.customer();
        String ticket = open(customer, delivery());
        try (ErrorLog log = ErrorLog.open()) {
            merge(admin, UUID.randomUUID().toString(), ticket).then().statusCode(404);
            merge(admin, ticket, UUID.randomUUID().toString()).then().statusCode(400)
                    .body("errors[0].field", equalTo("intoTicketId"));
            merge(admin, "not-a-uuid", ticket).then().statusCode(400).body("errors[0].field", equalTo("id"));
            for (Object bad : new Object[] {"nope", "", ticket + "\u0000", ticket.substring(1) + "\u0000", 42,
                    List.of(ticket), Map.of("id", ticket), "x".repeat(100_000)}) {
                Response response = merge(admin, ticket, bad);
                assertTrue(response.statusCode() == 400 || response.statusCode() == 413,
                        bad.toString().length() > 60 ? "huge" : bad + " → " + response.statusCode());
                response.then().contentType(startsWith("application/problem+json"));
            }
            merge(admin, ticket, null).then().statusCode(400).body("errors[0].field", equalTo("intoTicketId"));
            as(admin).post(TICKETS + ticket + "/merge/").then().statusCode(400);
            assertTrue(log.errors().isEmpty(), log.errors().toString());
        }
        as(admin).get(TICKETS + ticket + "/").then().body("status", equalTo("OPEN"));
    }

    // --- races --------------------------------------------------------------------------------------

    @Test
    void ofTwoMergesOfOneTicketIntoTwoTargetsExactlyOneWins() throws Exception {
        for (int round = 0; round < 5; round++) {
            Duplicates d = duplicates();
            String source = d.source(), one = d.target(), two = open(d.customer(), d.delivery());
            post(d.customer(), source, "round " + round, null, null);
            List<Response> answers = inParallel(2, i -> merge(admin, source, i == 0 ? one : two));
            assertEquals("ALREADY_MERGED", oneWon(answers).path("reason"));
            String winner = answers.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow().path("id");
            assertEquals(1, thread(admin, winner).size());
            assertTrue(thread(admin, winner.equals(one) ? two : one).isEmpty());
        }
    }

    @Test
    void mergingTwoTicketsIntoEachOtherAtOnceNeitherDeadlocksNorMakesACycle() throws Exception {
        for (int round = 0; round < 5; round++) {
            Duplicates d = duplicates();
            String a = d.target(), b = d.source();
            String reason = oneWon(inParallel(2, i -> i == 0 ? merge(admin, a, b) : merge(admin, b, a))).path("reason");
            assertTrue(reason.equals("TARGET_MERGED") || reason.equals("ALREADY_MERGED"), reason);
            Row rows = row("SELECT count(*) FILTER (WHERE merged_into_id IS NOT NULL) AS merged FROM ticket"
                    + " WHERE id = ANY($1)", (Object) new UUID[] {UUID.fromString(a), UUID.fromString(b)});
            assertEquals(1L, rows.getLong("merged"));
        }
    }

    /** Of two racing merges exactly one answered 200 and the other 409 (no 500, no deadlock): the 409. */
    private static Response oneWon(List<Response> answers) {
        assertEquals(List.of(200, 409), answers.stream().map(Response::statusCode).sorted().toList(),
                answers.stream().map(Response::asString).toList().toString());
        return answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
    }

    // --- suggestions --------------------------------------------------------------------------------

    @Test
    void possibleDuplicatesAreTheCustomersOtherOpenTicketsAboutTheSameDelivery() {
        Person agent = Tokens.agent();
        Duplicates d = duplicates();
        Person customer = d.customer();
        String dlv = d.delivery(), ticket = d.target(), same = d.source();
        String sameOtherCase = open(customer, dlv.toLowerCase());
        open(customer, delivery()); // another delivery
        closed(customer, agent, dlv); // closed
        open(Tokens.customer(), dlv); // another customer's
        as(customer).body(ticketBody("no delivery id").entrySet().stream()
                        .filter(e -> !e.getKey().equals("deliveryId"))
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))
                .post(TICKETS + "create/").then().statusCode(201);

        List<Map<String, Object>> found = as(agent).get(TICKETS + ticket + "/").then().statusCode(200).extract()
                .jsonPath().getList("possibleDuplicates");
        assertEquals(List.of(same, sameOtherCase), found.stream().map(x -> x.get("id")).toList());
        assertEquals(reference(same), found.get(0).get("reference"));
        assertEquals("OPEN", found.get(0).get("status"));
        assertTrue(found.get(0).containsKey("subject") && found.get(0).containsKey("createdAt"));
        as(customer).get(TICKETS + ticket + "/").then().statusCode(200).body("possibleDuplicates", nullValue());

        // at most five, the oldest first
        List<String> more = new ArrayList<>(List.of(same, sameOtherCase));
        for (int i = 0; i < 5; i++) {
            more.add(open(customer, dlv));
        }
        found = as(Tokens.admin()).get(TICKETS + ticket + "/").then().extract().jsonPath().getList("possibleDuplicates");
        assertEquals(more.subList(0, 5), found.stream().map(x -> x.get("id")).toList());
        // a status change answers the staff detail view with them too
        as(agent).post(TICKETS + ticket + "/assign-self/").then().statusCode(200)
                .body("possibleDuplicates.size()", equalTo(5));
        // merged away: no longer suggested
        merge(agent, ticket, same).then().statusCode(200).body("possibleDuplicates.id", org.hamcrest.Matchers.not(
                org.hamcrest.Matchers.hasItem(ticket)));
        as(agent).get(TICKETS + ticket + "/").then().body("possibleDuplicates.size()", equalTo(0));
        assertFalse(as(agent).get(TICKETS + more.get(2) + "/").then().extract().jsonPath()
                .getList("possibleDuplicates.id").contains(ticket));
    }
}
