package com.logishift.support.ticket.merge;

import static com.logishift.support.kit.test.TopicReader.header;
import static com.logishift.support.ticket.support.Api.as;
import static com.logishift.support.ticket.support.Api.take;
import static com.logishift.support.ticket.support.Topics.ticketEvents;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.Tokens;
import com.logishift.support.kit.test.Tokens.Person;
import com.logishift.support.kit.test.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** merged.v1 as other services read it: keyed by the merged ticket, both references, no status-changed besides. */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class MergeEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theMergeIsPublishedOnceKeyedByTheMergedTicket() throws Exception {
        Person agent = Tokens.agent();
        MergeTest.Duplicates d = MergeTest.duplicates();
        String target = d.target(), source = d.source();
        take(agent, source);
        MergeTest.post(d.customer(), source, "one", null, null);
        MergeTest.post(agent, source, "two", "INTERNAL", null);
        Instant before = Instant.now().minusSeconds(1);
        MergeTest.merge(agent, source, target).then().statusCode(200);
        MergeTest.post(d.customer(), source, "after", null, null); // lands on the target: its event is the target's

        try (TopicReader reader = new TopicReader(ticketEvents())) {
            List<ConsumerRecord<String, String>> merged = reader.await(
                    r -> source.equals(r.key()) && header(r, "ce_type").endsWith(".merged.v1"), 1,
                    Duration.ofSeconds(30));
            reader.await(r -> target.equals(r.key()) && header(r, "ce_type").endsWith(".message-added.v1"), 1,
                    Duration.ofSeconds(30));
            List<ConsumerRecord<String, String>> all = reader.readToEnd();
            JsonNode data = JSON.readTree(merged.get(0).value());
            assertEquals(source, data.get("ticketId").asText());
            assertEquals(MergeTest.reference(source), data.get("reference").asText());
            assertEquals(target, data.get("intoTicketId").asText());
            assertEquals(MergeTest.reference(target), data.get("intoReference").asText());
            assertEquals(d.customer().id().toString(), data.get("customerId").asText());
            assertEquals(agent.id().toString(), data.get("assigneeId").asText());
            assertEquals(agent.id().toString(), data.get("mergedBy").asText());
            assertEquals(2, data.get("movedMessages").asInt());
            assertFalse(Instant.parse(data.get("mergedAt").asText()).isBefore(before));
            assertEquals(source, header(merged.get(0), "ce_subject"));
            // the merge is the close: no status-changed to CLOSED besides it, and nothing after it on the source
            List<String> sourceTypes = all.stream().filter(r -> source.equals(r.key()))
                    .map(r -> header(r, "ce_type")).toList();
            assertEquals("com.logishift.support.ticket.merged.v1", sourceTypes.get(sourceTypes.size() - 1));
            assertEquals(1, all.stream().filter(r -> source.equals(r.key())
                    && header(r, "ce_type").endsWith(".merged.v1")).count());
            assertFalse(all.stream().anyMatch(r -> source.equals(r.key())
                    && r.value().contains("\"to\":\"CLOSED\"")), "a status-changed to CLOSED as well");
        }
    }
}
