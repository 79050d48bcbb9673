package com.logishift.support.ticket.rest;

import static com.logishift.support.kit.test.Parallel.inParallel;
import static com.logishift.support.ticket.support.Api.as;
import static com.logishift.support.ticket.support.Api.resolvedTicket;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.Tokens;
import com.logishift.support.kit.test.Tokens.Person;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A customer who clicks "send" ten times at once rates the ticket once; the other nine get 409. */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class ConcurrentFeedbackTest {

    private static final int PARALLEL = 10;

    @Inject
    Pool pool;

    @Test
    void tenFeedbacksAtOnceGiveOneCreatedAndNineConflicts() throws Exception {
        Person customer = Tokens.customer();
        String id = resolvedTicket(customer, Tokens.agent());
        String base = "/api/support/tickets/" + id;

        List<Response> responses = inParallel(PARALLEL,
                i -> as(customer).body(Map.of("rating", 1 + i % 5)).post(base + "/feedback/"));
        Map<Integer, Long> byStatus = responses.stream()
                .collect(Collectors.groupingBy(Response::statusCode, Collectors.counting()));
        assertEquals(Map.of(201, 1L, 409, (long) PARALLEL - 1), byStatus, "status codes");
        for (Response response : responses) {
            if (response.statusCode() == 409) {
                assertEquals("application/problem+json", response.contentType());
                assertEquals(409, (int) response.path("status"));
            }
        }
        var stored = pool.preparedQuery("SELECT count(*) AS n FROM ticket_feedback WHERE ticket_id = $1")
                .execute(Tuple.of(UUID.fromString(id))).await().indefinitely();
        assertEquals(1L, stored.iterator().next().getLong("n"));
        as(customer).get(base + "/").then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("CLOSED"));
    }
}
