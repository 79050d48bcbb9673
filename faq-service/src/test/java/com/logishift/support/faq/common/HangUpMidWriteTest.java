package com.logishift.support.faq.common;

import static com.logishift.support.faq.support.Api.PUBLIC;
import static com.logishift.support.faq.support.Api.create;
import static com.logishift.support.faq.support.Api.entry;
import static com.logishift.support.faq.support.Api.json;
import static com.logishift.support.faq.support.Api.uniqueTopic;
import static com.logishift.support.faq.support.Api.uniqueWord;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.logishift.support.kit.Admission;
import com.logishift.support.kit.test.ErrorLog;
import com.logishift.support.kit.test.Eventually;
import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A client (or the gateway) hanging up while its write is inside its transaction: the write runs to
 * completion — it is not cancelled halfway into a rolled-back transaction — and nothing is logged
 * as an error.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class HangUpMidWriteTest {

    @Inject
    Pool pool;

    @Inject
    Admission admission;

    @Test
    void aWriteWhoseClientHangsUpInsideTheTransactionStillCompletes() throws Exception {
        String topic = uniqueTopic();
        String id = create(entry(topic, "en", "Where is " + uniqueWord() + "?", "Here."));
        String question = "Where is " + uniqueWord() + " now?";
        String body = new ObjectMapper().writeValueAsString(entry(topic, "en", question, "There."));

        // the test holds the entry's row lock: the service's UPDATE waits for it inside its transaction
        CompletableFuture<Void> locked = new CompletableFuture<>();
        CompletableFuture<Void> unlock = new CompletableFuture<>();
        CompletableFuture<Void> lockHolder = pool.withTransaction(c -> c
                        .preparedQuery("SELECT id FROM faq_entry WHERE id = $1 FOR UPDATE").execute(Tuple.of(UUID.fromString(id)))
                        .invoke(() -> locked.complete(null))
                        .chain(() -> Uni.createFrom().completionStage(unlock)))
                .subscribeAsCompletionStage().toCompletableFuture();
        locked.get(20, SECONDS);
        try (ErrorLog log = ErrorLog.open()) {
            try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
                OutputStream out = socket.getOutputStream();
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                out.write(("PUT /api/admin/faq/" + id + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Authorization: Bearer " + Tokens.of("admin") + "\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(bytes);
                out.flush();
                Eventually.until("the service's update waiting for the row lock", this::anUpdateWaitsForALock);
            } // hung up, mid-transaction
            Eventually.until("the hang-up seen by the service", () -> admission.inFlight() == 0);
            unlock.complete(null);
            lockHolder.get(20, SECONDS);
            Eventually.until("the update applied in full",
                    () -> question.equals(json().get(PUBLIC + id).then().extract().path("question")));
            assertThat(log.errors(), empty());
        } finally {
            unlock.complete(null);
        }
    }

    private boolean anUpdateWaitsForALock() {
        var rows = pool.query("SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                + " AND query ILIKE '%update faq_entry%'").execute().await().indefinitely();
        return rows.iterator().next().getLong("n") > 0;
    }
}
