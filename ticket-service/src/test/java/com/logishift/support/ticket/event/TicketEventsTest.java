package com.logishift.support.ticket.event;

import static com.logishift.support.ticket.support.Api.approvedAgent;
import static com.logishift.support.ticket.support.Api.as;
import static com.logishift.support.ticket.support.Api.moveTo;
import static com.logishift.support.ticket.support.Api.takenTicket;
import static com.logishift.support.kit.test.TopicReader.header;
import static com.logishift.support.ticket.support.Topics.ticketEvents;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.TopicReader;
import com.logishift.support.ticket.support.Topics;
import com.logishift.support.kit.test.Tokens;
import com.logishift.support.kit.test.Tokens.Person;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** One ticket's whole life, read back from Kafka as another logistics service would. */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class TicketEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Pool pool;

    @Test
    void aTicketsEventsArriveInOrderKeyedByTicketWithCloudEventHeadersAndNoNoteBodies() throws Exception {
        approvedAgent(pool); // so creation auto-assigns
        Person customer = Tokens.customer();
        Person agent = Tokens.agent();
        String id = takenTicket(customer, agent);
        String base = "/api/support/tickets/" + id;
        String secret = "note body that must stay internal " + UUID.randomUUID();
        as(agent).body(Map.of("body", secret)).post(base + "/add-note/").then().statusCode(201);
        for (String status : List.of("ON_HOLD", "IN_PROGRESS", "RESOLVED")) {
            moveTo(agent, id, status);
        }
        as(customer).body(Map.of("rating", 5)).post(base + "/feedback/").then().statusCode(201);

        // a note is an INTERNAL message: message-added, then note-added as before
        List<String> expected = List.of("created", "assigned", "assigned", "status-changed", "message-added", "note-added",
                "status-changed", "status-changed", "status-changed", "status-changed", "feedback-submitted");
        try (TopicReader reader = new TopicReader(ticketEvents())) {
            List<ConsumerRecord<String, String>> records =
                    reader.await(r -> id.equals(r.key()), expected.size(), Duration.ofSeconds(20));
            assertEquals(expected, records.stream().map(Topics::shortType).toList());
            assertEquals(1, records.stream().map(ConsumerRecord::partition).distinct().count(), "one partition per ticket");

            Set<String> ids = new HashSet<>();
            for (ConsumerRecord<String, String> r : records) {
                assertEquals("1.0", header(r, "ce_specversion"));
                assertEquals("/logishift/support/ticket-service", header(r, "ce_source"));
                assertEquals(id, header(r, "ce_subject"));
                assertEquals("application/json", header(r, "content-type"));
                assertNotNull(header(r, "ce_time"));
                ids.add(header(r, "ce_id"));
                assertFalse(r.value().contains(secret), "internal note body leaked to the topic");
                assertEquals(id, JSON.readTree(r.value()).get("ticketId").asText());
            }
            assertEquals(records.size(), ids.size(), "every event has its own id");

            JsonNode auto = JSON.readTree(records.get(1).value());
            assertEquals("AUTO", auto.get("mode").asText());
            JsonNode self = JSON.readTree(records.get(2).value());
            assertEquals("SELF", self.get("mode").asText());
            assertEquals(agent.id().toString(), self.get("assigneeId").asText());
            JsonNode started = JSON.readTree(records.get(3).value());
            assertEquals("OPEN", started.get("from").asText());
            assertEquals("IN_PROGRESS", started.get("to").asText());
            JsonNode message = JSON.readTree(records.get(4).value());
            assertEquals("INTERNAL", message.get("visibility").asText());
            assertTrue(message.get("body").isNull(), "an INTERNAL message's text is never in its event");
            JsonNode note = JSON.readTree(records.get(5).value());
            assertEquals(agent.id().toString(), note.get("authorId").asText());
            assertEquals(message.get("messageId").asText(), note.get("noteId").asText());
            JsonNode closed = JSON.readTree(records.get(9).value());
            assertEquals("CLOSED", closed.get("to").asText());
            assertEquals(5, JSON.readTree(records.get(10).value()).get("rating").asInt());
            assertEquals(customer.id().toString(), JSON.readTree(records.get(0).value()).get("customerId").asText());
        }
    }
}
