package com.logishift.support.ticket.conversation;

import static com.logishift.support.ticket.support.Api.as;
import static com.logishift.support.ticket.support.Api.messages;
import static com.logishift.support.ticket.support.Api.openTicket;
import static com.logishift.support.ticket.support.Api.takenTicket;
import static com.logishift.support.kit.test.Parallel.inParallel;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Writing and reading a ticket's thread through the API, with every bad input and race we could think of. */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class MessagesTest {

    @Inject
    Pool pool;

    static Map<String, Object> body(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** What is stored for the ticket: message rows, timeline rows, and the two counters. */
    record Stored(long messages, long entries, int messageSeq, int timelineSeq, String status, long version) {
    }

    Stored stored(String ticketId) {
        Row row = pool.preparedQuery("""
                SELECT (SELECT count(*) FROM ticket_message WHERE ticket_id = t.id) AS messages,
                       (SELECT count(*) FROM ticket_timeline WHERE ticket_id = t.id) AS entries,
                       t.message_seq, t.timeline_seq, t.status, t.version
                  FROM ticket t WHERE t.id = $1""").execute(Tuple.of(UUID.fromString(ticketId)))
                .await().indefinitely().iterator().next();
        return new Stored(row.getLong("messages"), row.getLong("entries"), row.getInteger("message_seq"),
                row.getInteger("timeline_seq"), row.getString("status"), row.getLong("version"));
    }

    @Test
    void aThreadOfPublicAndInternalMessagesAsEachSideSeesIt() {
        Person customer = Tokens.customer();
        Person agent = Tokens.agent();
        String id = openTicket(customer);

        Response first = as(customer).body(body("body", "  Where is my parcel?  ")).post(messages(id));
        first.then().statusCode(201)
                .header("Location", "/api/support/tickets/" + id + "/messages/")
                .body("seq", equalTo(1))
                .body("body", equalTo("Where is my parcel?"))
                .body("authorId", equalTo(customer.id().toString()))
                .body("authorName", equalTo(customer.name()))
                .body("authorRole", equalTo("CUSTOMER"))
                .body("visibility", equalTo("PUBLIC"))
                .body("channel", equalTo("WEB"))
                .body("attachments", emptyIterable())
                .body("createdAt", notNullValue());
        String secret = "internal: the driver admitted dropping it " + UUID.randomUUID();
        as(agent).body(body("body", secret, "visibility", "INTERNAL")).post(messages(id)).then().statusCode(201)
                .body("seq", equalTo(2)).body("authorRole", equalTo("AGENT"));
        as(agent).body(body("body", "We are on it.", "visibility", "PUBLIC")).post(messages(id)).then()
                .statusCode(201).body("seq", equalTo(3));

        as(agent).get(messages(id)).then().statusCode(200)
                .body("items.seq", contains(1, 2, 3))
                .body("items.visibility", contains("PUBLIC", "INTERNAL", "PUBLIC"))
                .body("total", equalTo(3)).body("page", equalTo(0)).body("size", equalTo(50));
        String customerView = as(customer).get(messages(id)).then().statusCode(200)
                .body("items.seq", contains(1, 3)) // customers see the gap
                .body("total", equalTo(2))
                .extract().asString();
        assertFalse(customerView.contains(secret), customerView);
        assertFalse(customerView.contains("INTERNAL"), customerView);

        // paging by seq
        as(agent).queryParam("after", 1).queryParam("size", 1).get(messages(id)).then().statusCode(200)
                .body("items.seq", contains(2)).body("total", equalTo(3)).body("size", equalTo(1));
        as(customer).queryParam("after", 1).get(messages(id)).then().statusCode(200).body("items.seq", contains(3));
        as(customer).queryParam("after", 3).get(messages(id)).then().statusCode(200).body("items", hasSize(0));

        // the customer's ticket view has no notes, the staff view has the internal one as a note
        String view = as(customer).get("/api/support/tickets/" + id).then().statusCode(200)
                .body("$", not(hasKey("notes"))).extract().asString();
        assertFalse(view.contains(secret));
        as(agent).get("/api/support/tickets/" + id).then().statusCode(200)
                .body("notes.body", contains(secret)).body("notes[0].authorRole", equalTo("agent"));
    }

    @Test
    void someoneElsesTicketDoesNotExistForACustomer() {
        Person owner = Tokens.customer();
        Person stranger = Tokens.customer();
        String id = openTicket(owner);
        as(owner).body(body("body", "mine")).post(messages(id)).then().statusCode(201);
        Stored before = stored(id);
        as(stranger).get(messages(id)).then().statusCode(404).contentType("application/problem+json");
        as(stranger).body(body("body", "let me in")).post(messages(id)).then().statusCode(404);
        as(stranger).get("/api/support/tickets/" + id + "/timeline/").then().statusCode(404);
        as(owner).get(messages(UUID.randomUUID().toString())).then().statusCode(404);
        as(owner).body(body("body", "x")).post(messages(UUID.randomUUID().toString())).then().statusCode(404);
        as(owner).get("/api/support/tickets/not-a-uuid/messages/").then().statusCode(400)
                .body("errors[0].field", equalTo("id"));
        assertEquals(before, stored(id), "nothing stored");
    }

    @Test
    void badInputIsRefusedOnItsFieldAndStoresNothing() {
        Person customer = Tokens.customer();
        Person agent = Tokens.agent();
        String id = openTicket(customer);
        Stored before = stored(id);
        String url = messages(id);
        List<String> elevenIds = IntStream.range(0, 11).mapToObj(i -> UUID.randomUUID().toString()).toList();

        record Case(Person who, Object request, int status, String field) {
        }
        List<Case> cases = List.of(
                new Case(customer, body(), 400, "body"),
                new Case(customer, body("body", ""), 400, "body"),
                new Case(customer, body("body", " \n\t "), 400, "body"),
                new Case(customer, body("body", "x".repeat(20_001)), 400, "body"),
                new Case(customer, body("body", "nul \u0000 byte"), 400, "body"),
                new Case(customer, body("body", 42), 400, "body"),
                new Case(customer, body("body", List.of("a")), 400, "body"),
                new Case(customer, body("body", "hi", "visibility", "SECRET"), 400, "visibility"),
                new Case(customer, body("body", "hi", "visibility", 1), 400, "visibility"),
                new Case(customer, body("body", "hi", "visibility", "INTERNAL"), 403, null),
                new Case(agent, body("body", "hi"), 400, "visibility"),
                new Case(customer, body("body", "hi", "attachmentIds", "not-a-list"), 400, "attachmentIds"),
                new Case(customer, body("body", "hi", "attachmentIds", List.of("nope")), 400, "attachmentIds"),
                new Case(customer, body("body", "hi", "attachmentIds", List.of(7)), 400, "attachmentIds"),
                new Case(customer, body("body", "hi", "attachmentIds", List.of(UUID.randomUUID() + "\u0000")), 400,
                        "attachmentIds"),
                new Case(customer, body("body", "hi", "attachmentIds", elevenIds), 413, null),
                new Case(customer, body("body", "hi", "clientMessageId", "has space"), 400, "clientMessageId"),
                new Case(customer, body("body", "hi", "clientMessageId", ""), 400, "clientMessageId"),
                new Case(customer, body("body", "hi", "clientMessageId", "x".repeat(101)), 400, "clientMessageId"),
                new Case(customer, body("body", "hi", "clientMessageId", 12), 400, "clientMessageId"),
                new Case(customer, "[]", 400, null),
                new Case(customer, "{\"body\": ", 400, null));
        for (Case c : cases) {
            var answer = as(c.who()).body(c.request()).post(url).then().statusCode(c.status())
                    .contentType("application/problem+json");
            if (c.field() != null) {
                answer.body("errors.field", contains(c.field()));
            }
        }
        as(customer).body(body("body", "hi", "visibility", "INTERNAL")).post(url).then()
                .body("type", equalTo("https://support.logishift.com/problems/staff-only"));
        as(customer).body(body("body", "hi", "attachmentIds", elevenIds)).post(url).then()
                .body("type", equalTo("https://support.logishift.com/problems/too-many-attachments"));
        for (Map.Entry<String, Object> query : Map.<String, Object>of("after", -1, "size", 0).entrySet()) {
            as(customer).queryParam(query.getKey(), query.getValue()).get(url).then().statusCode(400)
                    .body("errors.field", contains(query.getKey()));
        }
        as(customer).queryParam("size", 101).get(url).then().statusCode(400).body("errors.field", contains("size"));
        as(customer).queryParam("after", "one").get(url).then().statusCode(400).body("errors.field", contains("after"));
        assertEquals(before, stored(id), "a refused post leaves no message, entry or counter behind");

        // the limits themselves are fine
        as(customer).body(body("body", "y".repeat(20_000), "attachmentIds", List.of())).post(url).then().statusCode(201);
    }

    @Test
    void fiftyConcurrentPostsAreNumberedOneToFiftyWithoutGaps() throws Exception {
        Person customer = Tokens.customer();
        Person agent = Tokens.agent();
        String id = openTicket(customer);
        int created = (int) stored(id).entries(); // CREATED, and ASSIGNED when an approved agent exists
        int posts = 50;
        List<Response> answers = inParallel(posts, i -> i % 2 == 0
                ? as(customer).body(body("body", "customer " + i)).post(messages(id))
                : as(agent).body(body("body", "agent " + i, "visibility", i % 3 == 0 ? "INTERNAL" : "PUBLIC"))
                        .post(messages(id)));
        answers.forEach(a -> assertEquals(201, a.statusCode(), a.asString()));
        Set<Integer> seqs = answers.stream().map(a -> a.jsonPath().getInt("seq")).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(IntStream.rangeClosed(1, posts).boxed().collect(Collectors.toCollection(TreeSet::new)), seqs);
        as(agent).queryParam("size", 100).get(messages(id)).then().statusCode(200)
                .body("items.seq", contains(IntStream.rangeClosed(1, posts).boxed().toArray()));
        // the timeline is gap-free too: the creation's entries plus one per message
        List<Integer> timeline = pool.preparedQuery("SELECT seq FROM ticket_timeline WHERE ticket_id = $1 ORDER BY seq")
                .execute(Tuple.of(UUID.fromString(id))).await().indefinitely().stream()
                .map(r -> r.getInteger("seq")).toList();
        assertEquals(IntStream.rangeClosed(1, posts + created).boxed().toList(), timeline);
        Stored after = stored(id);
        assertEquals(posts, after.messageSeq());
        assertEquals(posts + created, after.timelineSeq());
    }

    @Test
    void postsRacingStatusChangesKeepBothNumberingsExact() throws Exception {
        // plain-SQL posts and Panache status changes write the same ticket row: neither may lose
        // the other's counter, and every entry on the timeline is numbered once, without gaps
        Person customer = Tokens.customer();
        Person agent = Tokens.agent();
        String id = takenTicket(customer, agent);
        List<Response> answers = inParallel(30, i -> switch (i % 3) {
            case 0 -> as(customer).body(body("body", "customer " + i)).post(messages(id));
            case 1 -> as(agent).body(body("body", "note " + i, "visibility", "INTERNAL")).post(messages(id));
            default -> as(agent).body(Map.of("status", i % 2 == 0 ? "ON_HOLD" : "IN_PROGRESS"))
                    .put("/api/support/tickets/" + id + "/update-status/");
        });
        long posted = answers.stream().filter(a -> a.statusCode() == 201).count();
        answers.forEach(a -> assertTrue(Set.of(200, 201, 409).contains(a.statusCode()), a.asString()));
        assertEquals(20, posted, "every post succeeds");
        Stored after = stored(id);
        assertEquals(20, after.messages());
        assertEquals(20, after.messageSeq());
        List<Integer> timeline = pool.preparedQuery("SELECT seq FROM ticket_timeline WHERE ticket_id = $1 ORDER BY seq")
                .execute(Tuple.of(UUID.fromString(id))).await().indefinitely().stream()
                .map(r -> r.getInteger("seq")).toList();
        assertEquals(IntStream.rangeClosed(1, timeline.size()).boxed().toList(), timeline);
        assertEquals(timeline.size(), after.timelineSeq());
    }

    @Test
    void aRepeatedClientMessageIdReturnsTheFirstMessageAndChangesNothing() throws Exception {
        Person customer = Tokens.customer();
        Person agent = Tokens.agent();
        String id = openTicket(customer);
        String first = as(customer).body(body("body", "hello", "clientMessageId", "web:tab-1.42")).post(messages(id))
                .then().statusCode(201).extract().path("id");
        Stored before = stored(id);
        as(customer).body(body("body", "hello again?", "clientMessageId", "web:tab-1.42")).post(messages(id))
                .then().statusCode(200).body("id", equalTo(first)).body("body", equalTo("hello"))
                .body("seq", equalTo(1));
        assertEquals(before, stored(id));
        // the key is (ticket, author, clientMessageId): another author or ticket is another message
        as(agent).body(body("body", "hi", "visibility", "PUBLIC", "clientMessageId", "web:tab-1.42"))
                .post(messages(id)).then().statusCode(201).body("seq", equalTo(2));
        String other = openTicket(customer);
        as(customer).body(body("body", "hello", "clientMessageId", "web:tab-1.42")).post(messages(other))
                .then().statusCode(201).body("seq", equalTo(1));

        // ten copies of one post at the same moment: one 201, nine 200 with the same message
        List<Response> answers = inParallel(10, i -> as(customer)
                .body(body("body", "double click", "clientMessageId", "dc-1")).post(messages(id)));
        Map<Integer, Long> statuses = answers.stream()
                .collect(Collectors.groupingBy(Response::statusCode, Collectors.counting()));
        assertEquals(Map.of(201, 1L, 200, 9L), statuses, answers.stream().map(Response::asString).toList().toString());
        assertEquals(1, answers.stream().map(a -> a.jsonPath().getString("id")).distinct().count());
        assertEquals(3, stored(id).messages());
    }

    @Test
    void addNoteKeepsItsAnswerAndIsAnInternalMessage() {
        Person customer = Tokens.customer();
        Person agent = Tokens.agent();
        String id = openTicket(customer);
        as(agent).body(Map.of("body", " checked the depot ")).post("/api/support/tickets/" + id + "/add-note/")
                .then().statusCode(201)
                .body("body", equalTo("checked the depot"))
                .body("authorId", equalTo(agent.id().toString()))
                .body("authorName", equalTo(agent.name()))
                .body("authorRole", equalTo("agent"))
                .body("id", notNullValue()).body("createdAt", notNullValue())
                .body("$", not(hasKey("seq")));
        as(agent).get(messages(id)).then().body("items.visibility", contains("INTERNAL"))
                .body("items.body", contains("checked the depot"));
        as(customer).get(messages(id)).then().body("items", hasSize(0)).body("total", equalTo(0));
        assertTrue(stored(id).messageSeq() == 1);
    }
}
