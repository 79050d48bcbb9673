package com.logishift.support.ticket.event;

import static com.logishift.support.ticket.support.Api.as;
import static com.logishift.support.ticket.support.Api.messages;
import static com.logishift.support.ticket.support.Api.resolvedTicket;
import static com.logishift.support.kit.test.TopicReader.header;
import static com.logishift.support.ticket.support.Topics.ticketEvents;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.Tokens;
import com.logishift.support.kit.test.Tokens.Person;
import com.logishift.support.kit.test.TopicReader;
import com.logishift.support.ticket.support.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * message-added as another service reads it: ids and kinds, a PUBLIC message's text (it is mailed to the
 * customer), never an INTERNAL one's; a reopen is a status change.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class MessageEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void publicTextIsPublishedAndInternalNeverIs() throws Exception {
        Person customer = Tokens.customer();
        Person agent = Tokens.agent();
        String id = resolvedTicket(customer, agent);
        String publicSecret = "public body " + UUID.randomUUID();
        String internalSecret = "internal body " + UUID.randomUUID();
        String first = as(customer).body(Map.of("body", publicSecret)).post(messages(id)).then()
                .statusCode(201).extract().path("id");
        String second = as(agent).body(Map.of("body", internalSecret, "visibility", "INTERNAL"))
                .post(messages(id)).then().statusCode(201).extract().path("id");

        try (TopicReader reader = new TopicReader(ticketEvents())) {
            // 8 or 9 events (creation auto-assigns when other tests left an approved agent): once the note,
            // the last one, is on the topic, so are the others (one key, one partition, in order)
            reader.await(r -> id.equals(r.key()) && header(r, "ce_type").endsWith("note-added.v1"), 1,
                    Duration.ofSeconds(30));
            List<ConsumerRecord<String, String>> records =
                    reader.readToEnd().stream().filter(r -> id.equals(r.key())).toList();
            List<String> types = records.stream().map(Topics::shortType).toList();
            assertEquals(List.of("message-added", "status-changed", "message-added", "note-added"),
                    types.subList(types.size() - 4, types.size()), types.toString());
            int n = records.size();
            for (ConsumerRecord<String, String> r : records) {
                assertFalse(r.value().contains(internalSecret), "an internal body on the topic");
            }
            JsonNode customers = JSON.readTree(records.get(n - 4).value());
            assertEquals(fields(), names(customers));
            assertEquals(publicSecret, customers.get("body").asText());
            assertEquals(customer.name(), customers.get("authorName").asText());
            assertEquals(first, customers.get("messageId").asText());
            assertEquals(1, customers.get("seq").asInt());
            assertEquals(customer.id().toString(), customers.get("authorId").asText());
            assertEquals("CUSTOMER", customers.get("authorRole").asText());
            assertEquals("PUBLIC", customers.get("visibility").asText());
            assertEquals("WEB", customers.get("channel").asText());
            assertEquals(customer.id().toString(), customers.get("customerId").asText());
            assertEquals(agent.id().toString(), customers.get("assigneeId").asText());
            assertEquals(0, customers.get("attachmentCount").asInt());
            assertTrue(customers.hasNonNull("createdAt"));
            assertTrue(customers.get("reference").asText().startsWith("SUP-"));

            JsonNode reopened = JSON.readTree(records.get(n - 3).value());
            assertEquals("RESOLVED", reopened.get("from").asText());
            assertEquals("IN_PROGRESS", reopened.get("to").asText());
            assertEquals(customer.id().toString(), reopened.get("changedBy").asText());

            JsonNode internal = JSON.readTree(records.get(n - 2).value());
            assertEquals(second, internal.get("messageId").asText());
            assertEquals(2, internal.get("seq").asInt());
            assertEquals("INTERNAL", internal.get("visibility").asText());
            assertEquals("AGENT", internal.get("authorRole").asText());
            assertTrue(internal.get("body").isNull(), "an internal message's body is null");
            assertEquals(fields(), names(internal));
            assertEquals(second, JSON.readTree(records.get(n - 1).value()).get("noteId").asText());
        }
    }

    private static Set<String> fields() {
        return new TreeSet<>(Set.of("ticketId", "reference", "messageId", "seq", "authorId", "authorRole",
                "authorName", "visibility", "channel", "customerId", "assigneeId", "attachmentCount", "body", "createdAt"));
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
