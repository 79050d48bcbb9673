package com.logishift.support.ticket.attachment;

import static com.logishift.support.ticket.support.Api.as;
import static com.logishift.support.ticket.support.Api.messages;
import static com.logishift.support.ticket.support.Api.openTicket;
import static com.logishift.support.ticket.support.Api.ticketBody;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.Tokens;
import com.logishift.support.kit.test.Tokens.Person;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Uploads put to use: files attached when a ticket is opened and files on messages, as each side
 * sees them (thread, ticket view, timeline, download), and ids that cannot be used leaving nothing
 * behind.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class AttachedFilesTest {

    @Inject
    Pool pool;

    static String upload(Person person, String filename, byte[] content) {
        return AttachmentApiTest.upload(person, filename, content, "application/octet-stream")
                .then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> message(String body, String visibility, List<String> attachmentIds) {
        Map<String, Object> m = new HashMap<>();
        m.put("body", body);
        if (visibility != null) {
            m.put("visibility", visibility);
        }
        m.put("attachmentIds", attachmentIds);
        return m;
    }

    long count(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely().iterator().next().getLong(0);
    }

    @Test
    void photosAttachedWhenTheTicketIsOpenedShowOnTheTicketAndItsTimeline() {
        Person customer = Tokens.customer();
        Person agent = Tokens.agent();
        String photo = upload(customer, "crushed-box.png", Samples.png());
        String label = upload(customer, "label.pdf", Samples.pdf());
        Map<String, Object> body = ticketBody("Crushed box");
        body.put("attachmentIds", List.of(photo, label));

        String id = as(customer).body(body).post("/api/support/tickets/create/").then().statusCode(201)
                .body("attachments.id", contains(photo, label))
                .body("attachments.filename", contains("crushed-box.png", "label.pdf"))
                .body("attachments.contentType", contains("image/png", "application/pdf"))
                .extract().path("id");

        for (Person reader : List.of(customer, agent)) {
            as(reader).get("/api/support/tickets/" + id).then().statusCode(200)
                    .body("attachments.id", contains(photo, label));
            // (an ASSIGNED entry follows when an approved agent exists)
            as(reader).get("/api/support/tickets/" + id + "/timeline/").then().statusCode(200)
                    .body("items.findAll { it.kind != 'ASSIGNED' }.kind", contains("CREATED", "ATTACHMENT", "ATTACHMENT"))
                    .body("items.findAll { it.kind == 'ATTACHMENT' }.attachmentId", contains(photo, label));
        }
        // whoever may read the ticket may download its files; another customer may not
        given().header("Authorization", agent.bearer()).get("/api/support/attachments/" + photo)
                .then().statusCode(200).header("Content-Type", "image/png");
        given().header("Authorization", Tokens.customer().bearer()).get("/api/support/attachments/" + photo)
                .then().statusCode(404);
        // a file belongs to one place only
        Map<String, Object> again = ticketBody("Second try");
        again.put("attachmentIds", List.of(photo));
        as(customer).body(again).post("/api/support/tickets/create/").then().statusCode(400)
                .body("errors.field", hasItem("attachmentIds"));
    }

    @Test
    void aTicketWithAnUnusableFileIsNotOpenedAndItsOtherFilesStayFree() {
        Person customer = Tokens.customer();
        String mine = upload(customer, "dent.jpg", Samples.jpeg());
        String someoneElses = upload(Tokens.customer(), "other.png", Samples.png());
        long tickets = count("SELECT count(*) FROM ticket WHERE customer_id = $1", customer.id());

        for (List<String> ids : List.of(List.of(mine, someoneElses), List.of(mine, UUID.randomUUID().toString()))) {
            Map<String, Object> body = ticketBody("Dent");
            body.put("attachmentIds", ids);
            as(customer).body(body).post("/api/support/tickets/create/").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("attachmentIds"));
        }
        assertEquals(tickets, count("SELECT count(*) FROM ticket WHERE customer_id = $1", customer.id()));
        assertEquals(0, count("SELECT count(*) FROM attachment WHERE id = $1 AND claimed_at IS NOT NULL",
                UUID.fromString(mine)));
        Map<String, Object> body = ticketBody("Dent");
        body.put("attachmentIds", List.of(mine));
        as(customer).body(body).post("/api/support/tickets/create/").then().statusCode(201)
                .body("attachments.id", contains(mine));
    }

    @Test
    void filesOnMessagesFollowTheMessagesVisibility() {
        Person customer = Tokens.customer();
        Person agent = Tokens.agent();
        String id = openTicket(customer);
        String thread = messages(id);
        String photo = upload(customer, "inside.png", Samples.png());
        String scan = upload(agent, "depot-scan.pdf", Samples.pdf());

        as(customer).body(message("Here is the inside of the box", null, List.of(photo))).post(thread)
                .then().statusCode(201).body("attachments.id", contains(photo));
        as(agent).body(message("Depot scan, not for the customer", "INTERNAL", List.of(scan))).post(thread)
                .then().statusCode(201).body("attachments.filename", contains("depot-scan.pdf"));

        JsonPath staff = as(agent).get(thread).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(List.of(photo), List.of(scan)), staff.getList("items.attachments.id"));
        as(customer).get(thread).then().statusCode(200).body("items", hasSize(1))
                .body("items[0].attachments.id", contains(photo));
        // the customer's timeline has their file, not the note's
        as(customer).get("/api/support/tickets/" + id + "/timeline/").then().statusCode(200)
                .body("items.attachmentId", hasItem(photo)).body("items.attachmentId", not(hasItem(scan)));
        as(agent).get("/api/support/tickets/" + id + "/timeline/").then().statusCode(200)
                .body("items.attachmentId", hasItem(scan));
        given().header("Authorization", customer.bearer()).get("/api/support/attachments/" + scan)
                .then().statusCode(404);
        given().header("Authorization", agent.bearer()).get("/api/support/attachments/" + photo)
                .then().statusCode(200);
    }

    @Test
    void aMessageWithAnUnusableFileIsNotPostedAndARetryReturnsTheFilesToo() {
        Person customer = Tokens.customer();
        String id = openTicket(customer);
        String thread = messages(id);
        String photo = upload(customer, "a.png", Samples.png());
        String stranger = upload(Tokens.customer(), "b.png", Samples.png());

        as(customer).body(message("Two photos", null, List.of(photo, stranger))).post(thread)
                .then().statusCode(400).body("errors.field", hasItem("attachmentIds"));
        as(customer).get(thread).then().statusCode(200).body("items", empty());
        assertEquals(0, count("SELECT message_seq FROM ticket WHERE id = $1", UUID.fromString(id)));

        Map<String, Object> post = message("One photo", null, List.of(photo));
        post.put("clientMessageId", "retry-1");
        String first = as(customer).body(post).post(thread).then().statusCode(201)
                .body("attachments.id", contains(photo)).extract().path("id");
        as(customer).body(post).post(thread).then().statusCode(200)
                .body("id", equalTo(first)).body("attachments.id", contains(photo));
        as(customer).get(thread).then().statusCode(200).body("items", hasSize(1));
    }
}
