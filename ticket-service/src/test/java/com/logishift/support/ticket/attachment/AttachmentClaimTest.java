package com.logishift.support.ticket.attachment;

import static com.logishift.support.kit.test.Parallel.inParallel;
import static com.logishift.support.ticket.attachment.AttachmentApiTest.ATTACHMENTS;
import static com.logishift.support.ticket.attachment.AttachmentApiTest.as;
import static com.logishift.support.ticket.attachment.AttachmentApiTest.upload;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.logishift.support.kit.ProblemException;
import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.ticket.support.Api;
import com.logishift.support.kit.test.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The Java API the conversation code calls inside its write transaction (claim, ofMessages,
 * ofTicket), the access rules that follow from a claim, and the sweep of expired uploads.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
@QuarkusTestResource(ClamdProxyTestResource.class)
class AttachmentClaimTest {

    @Inject
    Attachments attachments;

    @Inject
    Pool pool;

    @Test
    void claimedFilesComeBackInTheGivenOrderForTheTicketAndForAMessage() {
        Tokens.Person customer = Tokens.customer();
        UUID ticket = UUID.fromString(Api.openTicket(customer));
        UUID a = uploaded(customer, "a.png");
        UUID b = uploaded(customer, "b.pdf");
        UUID c = uploaded(customer, "c.txt");
        UUID d = uploaded(customer, "d.png");

        List<AttachmentRef> atCreation = claim(customer.id(), List.of(c, a), ticket, null);
        assertThat(atCreation.stream().map(AttachmentRef::id).toList(), contains(c, a));
        assertThat(atCreation.get(0).filename(), equalTo("c.txt"));
        assertThat(atCreation.get(0).contentType(), equalTo("text/plain"));

        UUID message = UUID.randomUUID();
        List<AttachmentRef> onMessage = claim(customer.id(), List.of(d, b), ticket, message);
        assertThat(onMessage.stream().map(AttachmentRef::id).toList(), contains(d, b));

        List<AttachmentRef> ofTicket = attachments.ofTicket(pool, ticket).await().indefinitely();
        assertThat(ofTicket.stream().map(AttachmentRef::id).toList(), contains(c, a));
        Map<UUID, List<AttachmentRef>> ofMessages = attachments.ofMessages(pool, List.of(message, UUID.randomUUID()))
                .await().indefinitely();
        assertThat(ofMessages.keySet(), contains(message));
        assertThat(ofMessages.get(message).stream().map(AttachmentRef::id).toList(), contains(d, b));
        assertThat(ofMessages.get(message).get(1), equalTo(new AttachmentRef(b, "b.pdf", "application/pdf",
                Samples.pdf().length)));
        assertThat(attachments.ofMessages(pool, List.of()).await().indefinitely().isEmpty(), equalTo(true));
        assertThat(claim(customer.id(), List.of(), ticket, null), empty());
    }

    @Test
    void someoneElsesUploadIsNotClaimableAndTheWholeClaimRollsBack() {
        Tokens.Person customer = Tokens.customer();
        Tokens.Person stranger = Tokens.customer();
        UUID ticket = UUID.fromString(Api.openTicket(customer));
        UUID own = uploaded(customer, "own.png");
        UUID theirs = uploaded(stranger, "theirs.png");

        refused(customer.id(), List.of(own, theirs), ticket, 400, "unknown or expired upload");
        // nothing of the failed claim stayed: the caller's own file is still unclaimed and still claimable
        assertThat(claimedAt(own), nullValue());
        assertThat(claimedAt(theirs), nullValue());
        refused(customer.id(), List.of(UUID.randomUUID()), ticket, 400, "unknown or expired upload");
        assertThat(claim(customer.id(), List.of(own), ticket, null), hasSize(1));
        // once claimed, never again (not even by its uploader)
        refused(customer.id(), List.of(own), ticket, 400, "unknown or expired upload");
        refused(customer.id(), List.of(theirs, theirs), ticket, 400, "twice");
        refused(customer.id(), java.util.Arrays.asList(own, null), ticket, 400, "null");
    }

    @Test
    void elevenFilesAre413AndTenAreFine() {
        Tokens.Person customer = Tokens.customer();
        UUID ticket = UUID.fromString(Api.openTicket(customer));
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            ids.add(uploaded(customer, "f" + i + ".txt"));
        }
        ProblemException tooMany = refused(customer.id(), ids, ticket, 413, "At most 10");
        assertThat(tooMany.problem().type(), equalTo("https://support.logishift.com/problems/too-many-attachments"));
        assertThat(claim(customer.id(), ids.subList(0, 10), ticket, UUID.randomUUID()), hasSize(10));
    }

    @Test
    void anUploadOlderThanAnHourIsNotClaimableNorReadableAndIsSwept() {
        Tokens.Person customer = Tokens.customer();
        UUID ticket = UUID.fromString(Api.openTicket(customer));
        UUID old = uploaded(customer, "old.png");
        UUID fresh = uploaded(customer, "fresh.png");
        UUID claimedLongAgo = uploaded(customer, "claimed.png");
        claim(customer.id(), List.of(claimedLongAgo), ticket, null);
        pool.preparedQuery("UPDATE attachment SET created_at = now() - interval '61 minutes' WHERE id = ANY($1)")
                .execute(Tuple.of(new UUID[] {old, claimedLongAgo})).await().indefinitely();

        refused(customer.id(), List.of(old), ticket, 400, "unknown or expired upload");
        as(customer).get(ATTACHMENTS + old + "/").then().statusCode(404);

        assertThat(attachments.sweep().await().indefinitely() >= 1, equalTo(true));
        assertThat(exists("attachment", old), equalTo(false));
        assertThat(exists("attachment_content", old), equalTo(false));
        // a fresh upload and a claimed file stay, however old
        assertThat(exists("attachment", fresh), equalTo(true));
        assertThat(exists("attachment_content", claimedLongAgo), equalTo(true));
        as(customer).get(ATTACHMENTS + claimedLongAgo + "/").then().statusCode(200);
    }

    @Test
    void ofTwoConcurrentClaimsOfOneUploadExactlyOneWins() throws Exception {
        Tokens.Person customer = Tokens.customer();
        UUID first = UUID.fromString(Api.openTicket(customer));
        UUID second = UUID.fromString(Api.openTicket(customer));
        for (int round = 0; round < 5; round++) {
            UUID file = uploaded(customer, "race.png");
            List<UUID> tickets = List.of(first, second);
            List<Boolean> claimed = inParallel(2, i -> {
                try {
                    claim(customer.id(), List.of(file), tickets.get(i), null);
                    return true;
                } catch (ProblemException e) {
                    return false;
                }
            });
            assertThat(claimed.stream().filter(won -> won).count(), equalTo(1L));
        }
    }

    @Test
    void afterTheClaimTheTicketsReadersGetTheFileAndInternalMessageFilesAreForStaffOnly() {
        Tokens.Person customer = Tokens.customer();
        Tokens.Person stranger = Tokens.customer();
        Tokens.Person agent = Tokens.agent();
        Tokens.Person admin = Tokens.admin();
        UUID ticket = UUID.fromString(Api.openTicket(customer));
        UUID atCreation = uploaded(customer, "photo.png");
        claim(customer.id(), List.of(atCreation), ticket, null);
        for (Tokens.Person reader : new Tokens.Person[] {customer, agent, admin}) {
            as(reader).get(ATTACHMENTS + atCreation + "/").then().statusCode(200);
        }
        as(stranger).get(ATTACHMENTS + atCreation + "/").then().statusCode(404);

        // messages are the conversation's; the rows a post would write are inserted here by hand
        UUID publicMessage = message(ticket, "PUBLIC", agent, 9001);
        UUID internalMessage = message(ticket, "INTERNAL", agent, 9002);
        UUID publicFile = uploaded(agent, "label.pdf");
        UUID internalFile = uploaded(agent, "carrier-report.pdf");
        claim(agent.id(), List.of(publicFile), ticket, publicMessage);
        claim(agent.id(), List.of(internalFile), ticket, internalMessage);

        as(customer).get(ATTACHMENTS + publicFile + "/").then().statusCode(200);
        as(customer).get(ATTACHMENTS + internalFile + "/").then().statusCode(404);
        as(stranger).get(ATTACHMENTS + publicFile + "/").then().statusCode(404);
        as(admin).get(ATTACHMENTS + internalFile + "/").then().statusCode(200);
        as(Tokens.agent()).get(ATTACHMENTS + internalFile + "/").then().statusCode(200);

        // a file of a message that cannot be found stays hidden from customers
        UUID orphan = uploaded(customer, "orphan.png");
        claim(customer.id(), List.of(orphan), ticket, UUID.randomUUID());
        as(customer).get(ATTACHMENTS + orphan + "/").then().statusCode(404);
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private UUID uploaded(Tokens.Person person, String name) {
        byte[] content = name.endsWith(".pdf") ? Samples.pdf() : name.endsWith(".txt") ? Samples.text() : Samples.png();
        return UUID.fromString(upload(person, name, content, "application/octet-stream").then().statusCode(201)
                .extract().path("id"));
    }

    private List<AttachmentRef> claim(UUID uploader, List<UUID> ids, UUID ticket, UUID message) {
        return pool.withTransaction(tx -> attachments.claim(tx, uploader, ids, ticket, message)).await().indefinitely();
    }

    private ProblemException refused(UUID uploader, List<UUID> ids, UUID ticket, int status, String message) {
        ProblemException e = assertThrows(ProblemException.class, () -> claim(uploader, ids, ticket, null));
        assertThat(e.problem().status(), equalTo(status));
        assertThat(e.getMessage(), e.getMessage().contains(message), equalTo(true));
        if (status == 400) {
            assertThat(e.problem().errors().get(0).field(), equalTo("attachmentIds"));
        }
        return e;
    }

    private Object claimedAt(UUID id) {
        return pool.preparedQuery("SELECT claimed_at FROM attachment WHERE id = $1").execute(Tuple.of(id))
                .await().indefinitely().iterator().next().getValue("claimed_at");
    }

    private boolean exists(String table, UUID id) {
        return pool.preparedQuery("SELECT 1 FROM " + table + " WHERE id = $1").execute(Tuple.of(id))
                .await().indefinitely().size() == 1;
    }

    /** A row of the conversation's message table (created here with its columns if this build has none yet). */
    private UUID message(UUID ticket, String visibility, Tokens.Person author, int seq) {
        pool.query("""
                CREATE TABLE IF NOT EXISTS ticket_message (
                    id uuid PRIMARY KEY, ticket_id uuid NOT NULL, seq integer NOT NULL, author_id uuid NOT NULL,
                    author_name varchar(100), author_role varchar(8) NOT NULL, visibility varchar(8) NOT NULL,
                    channel varchar(8) NOT NULL, body text NOT NULL, client_message_id varchar(100),
                    created_at timestamptz NOT NULL)""").execute().await().indefinitely();
        UUID id = UUID.randomUUID();
        pool.preparedQuery("""
                INSERT INTO ticket_message (id, ticket_id, seq, author_id, author_name, author_role, visibility,
                                            channel, body, created_at)
                VALUES ($1, $2, $3, $4, $5, 'AGENT', $6, 'WEB', 'See the attached file.', now())""")
                .execute(Tuple.from(List.of(id, ticket, seq, author.id(), author.name(), visibility)))
                .await().indefinitely();
        return id;
    }
}
