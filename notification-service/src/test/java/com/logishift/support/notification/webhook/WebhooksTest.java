package com.logishift.support.notification.webhook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.logishift.support.kit.test.Eventually;
import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.MetricsCatalogue;
import com.logishift.support.kit.test.Tokens;
import com.logishift.support.notification.support.EventPublisher;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks end to end inside the service: ticket events from Kafka reach real HTTP receivers on
 * 127.0.0.1 (allowed in the test profile), signed, retried, disabled; the admin API around them.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class WebhooksTest {

    private static final String CREATED = "com.logishift.support.ticket.created.v1";
    private static final String PRIORITY = "com.logishift.support.ticket.priority-changed.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Pool pool;
    @Inject
    SecretsAtRest secretsAtRest;
    @Inject
    WebhookAttempts attempts;
    @Inject
    WebhookLogRetention retention;

    private final Tokens.Person admin = Tokens.admin();
    private final List<String> registered = new ArrayList<>();
    private final List<Receiver> receivers = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        // no endpoint of one test keeps receiving (and failing at) the events of the next
        registered.forEach(id -> as(admin).delete("/api/admin/webhooks/" + id + "/"));
        receivers.forEach(Receiver::close);
    }

    @Test
    void subscribedTicketEventsArriveSignedAsStructuredCloudEvents() throws Exception {
        Receiver receiver = receiver(n -> Receiver.Answer.of(204));
        JsonPath hook = register(receiver.url("/in?partner=7"), List.of(CREATED));
        UUID ticket = UUID.randomUUID();
        String created = created(ticket);
        String other = priorityChanged(ticket); // not subscribed
        Eventually.until("the created event delivered", () -> delivered(hook.getString("id")) == 1);

        List<Receiver.Request> requests = receiver.requests();
        assertEquals(1, requests.size(), "only the subscribed type");
        Receiver.Request request = requests.get(0);
        assertTrue(Receiver.verifies(hook.getString("secret"), request), "signed with the secret answered once");
        assertTrue(request.contentType().startsWith("application/cloudevents+json"));
        JsonNode event = JSON.readTree(request.body());
        assertEquals("1.0", event.get("specversion").asText());
        assertEquals(created, event.get("id").asText());
        assertEquals(CREATED, event.get("type").asText());
        assertEquals("/logishift/support/test", event.get("source").asText());
        assertEquals(ticket.toString(), event.get("subject").asText());
        assertEquals("application/json", event.get("datacontenttype").asText());
        assertTrue(event.hasNonNull("time"));
        assertEquals(ticket.toString(), event.get("data").get("ticketId").asText());
        assertEquals("Wet box", event.get("data").get("subject").asText());
        assertNotEquals(other, event.get("id").asText());

        // the log: newest first, the attempt with its response code and duration; never the secret again
        as(admin).get("/api/admin/webhooks/" + hook.getString("id") + "/deliveries/").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(request.id()))
                .body("items[0].eventId", equalTo(created)).body("items[0].status", equalTo("DELIVERED"))
                .body("items[0].attempts", equalTo(1)).body("items[0].lastResponseCode", equalTo(204))
                .body("items[0].attemptLog[0].responseCode", equalTo(204))
                .body("items[0].attemptLog[0].durationMs", notNullValue())
                .body("items[0].nextAttemptAt", nullValue());
        as(admin).get("/api/admin/webhooks/" + hook.getString("id") + "/").then().statusCode(200)
                .body("secret", nullValue()).body("url", equalTo(receiver.url("/in?partner=7")));
        as(admin).get("/api/admin/webhooks/").then().statusCode(200).body("items.secret", everyItem(nullValue()));
    }

    @Test
    void aPartnerGetsNoTraceOfOursAndItsUrlStaysOutOfTheMetrics() {
        // many partners put a token in the path (chat and CI webhooks do): it must not become a metrics tag
        Receiver receiver = receiver(n -> Receiver.Answer.of(204));
        JsonPath hook = register(receiver.url("/hooks/T0K3N-in-the-path-5f3a"), List.of(CREATED));
        created(UUID.randomUUID());
        Eventually.until("delivered", () -> delivered(hook.getString("id")) == 1);

        Receiver.Request request = receiver.requests().get(0);
        assertFalse(request.headerNames().contains("traceparent"), "our trace ids stay inside: " + request.headerNames());
        assertFalse(request.headerNames().contains("tracestate"));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertFalse(metrics.contains("T0K3N"), "the partner's URL is not in /q/metrics");
    }

    @Test
    void finishedDeliveriesLeaveTheLogAfterTheRetentionAndPendingOnesNever() {
        Receiver receiver = receiver(n -> Receiver.Answer.of(204));
        JsonPath hook = register(receiver.url("/"), List.of(CREATED));
        UUID endpoint = UUID.fromString(hook.getString("id"));
        // one row more than a chunk expired and finished, so the clean-up needs a second round
        int expired = WebhookLogRetention.CHUNK + 1;
        pool.preparedQuery("""
                        INSERT INTO webhook_delivery (id, endpoint_id, event_id, event_type, payload, status, attempts,
                                                      created_at)
                        SELECT gen_random_uuid(), $1, 'old-' || n, $2, '{}', CASE WHEN n % 2 = 0 THEN 'DELIVERED' ELSE 'FAILED' END,
                               1, now() - interval '31 days'
                          FROM generate_series(1, $3) n""").execute(Tuple.of(endpoint, CREATED, expired)).await().indefinitely();
        pool.preparedQuery("""
                        INSERT INTO webhook_attempt (delivery_id, attempt, started_at, duration_ms, response_code)
                        SELECT id, 1, created_at, 5, 204 FROM webhook_delivery WHERE endpoint_id = $1""")
                .execute(Tuple.of(endpoint)).await().indefinitely();
        String attemptsOfEndpoint = "SELECT count(*) AS n FROM webhook_attempt a JOIN webhook_delivery d ON d.id = a.delivery_id "
                + "WHERE d.endpoint_id = $1";
        assertEquals(expired, count(attemptsOfEndpoint, endpoint));
        UUID stillPending = insertDelivery(endpoint, "pending-old", "PENDING", "now() - interval '31 days'");
        UUID recent = insertDelivery(endpoint, "recent", "DELIVERED", "now() - interval '29 days'");

        long removed = retention.removeExpired().await().atMost(Duration.ofMinutes(1));

        assertTrue(removed >= expired, "at least this test's expired rows: " + removed);
        assertEquals(0, count("SELECT count(*) AS n FROM webhook_delivery WHERE endpoint_id = $1 AND event_id LIKE 'old-%'",
                endpoint));
        assertEquals(0, count(attemptsOfEndpoint, endpoint), "their attempts went with them");
        assertEquals(2, count("SELECT count(*) AS n FROM webhook_delivery WHERE id = ANY ($1)",
                (Object) new UUID[] {stillPending, recent}), "a pending one stays whatever its age, a recent one stays");
    }

    private UUID insertDelivery(UUID endpoint, String eventId, String status, String createdAt) {
        UUID id = UUID.randomUUID();
        // a pending row far in the future, so the dispatcher leaves it alone during the test
        pool.preparedQuery("INSERT INTO webhook_delivery (id, endpoint_id, event_id, event_type, payload, status, "
                        + "next_attempt_at, created_at) VALUES ($1, $2, $3, $4, '{}', $5, "
                        + "CASE WHEN $5 = 'PENDING' THEN now() + interval '1 day' END, " + createdAt + ")")
                .execute(Tuple.of(id, endpoint, eventId, CREATED, status)).await().indefinitely();
        return id;
    }

    @Test
    void secretsAreStoredEncryptedAndPlaintextOnesAreEncryptedAtStart() {
        Receiver receiver = receiver(n -> Receiver.Answer.of(200));
        JsonPath hook = register(receiver.url("/"), List.of(CREATED));
        String id = hook.getString("id");
        String secret = hook.getString("secret");
        String stored = storedSecret(id, "secret");
        assertTrue(stored.startsWith(SecretBox.PREFIX), "encrypted: " + stored);
        assertTrue(!stored.contains(secret.substring(Signatures.SECRET_PREFIX.length())), "the column is not the secret");
        String rotated = as(admin).post("/api/admin/webhooks/" + id + "/rotate-secret/").then().statusCode(200)
                .extract().path("secret");
        assertEquals(stored, storedSecret(id, "previous_secret"), "the previous one kept as it was stored");
        assertTrue(storedSecret(id, "secret").startsWith(SecretBox.PREFIX));
        assertTrue(!storedSecret(id, "secret").contains(rotated.substring(Signatures.SECRET_PREFIX.length())));

        // a row from before encryption still signs, and is encrypted at the next start (once)
        pool.preparedQuery("UPDATE webhook_endpoint SET secret = $2, previous_secret = NULL WHERE id = $1")
                .execute(Tuple.of(UUID.fromString(id), secret)).await().indefinitely();
        created(UUID.randomUUID());
        Eventually.until("delivered", () -> delivered(id) == 1);
        assertTrue(Receiver.verifies(secret, receiver.requests().get(0)), "signed with the plaintext secret");
        assertTrue(secretsAtRest.reseal() >= 1);
        assertTrue(storedSecret(id, "secret").startsWith(SecretBox.PREFIX), "encrypted at start");
        assertEquals(0, secretsAtRest.reseal(), "nothing left to do");
        created(UUID.randomUUID());
        Eventually.until("delivered", () -> delivered(id) == 2);
        assertTrue(Receiver.verifies(secret, receiver.requests().get(1)), "the same secret signs");
    }

    @Test
    void aSecretUnderAnUnknownKeyFailsTheStartAndIsNotSent() {
        Receiver good = receiver(n -> Receiver.Answer.of(200));
        Receiver bad = receiver(n -> Receiver.Answer.of(200));
        JsonPath goodHook = register(good.url("/"), List.of(CREATED));
        String badId = register(bad.url("/"), List.of(CREATED)).getString("id");
        String unknownKey = java.util.Base64.getEncoder().encodeToString("some-other-key-0123456789abcdefg".getBytes());
        pool.preparedQuery("UPDATE webhook_endpoint SET secret = $2 WHERE id = $1")
                .execute(Tuple.of(UUID.fromString(badId),
                        new SecretBox(unknownKey, List.of()).seal(UUID.fromString(badId), Signatures.newSecret())))
                .await().indefinitely();
        SecretBox.Unreadable failure = org.junit.jupiter.api.Assertions.assertThrows(SecretBox.Unreadable.class,
                secretsAtRest::reseal);
        assertTrue(failure.getMessage().contains(badId), failure.getMessage());

        // queued for both in one statement, claimed together: the readable one goes out, the other waits
        created(UUID.randomUUID());
        Eventually.until("delivered", () -> delivered(goodHook.getString("id")) == 1);
        assertEquals(0, bad.requests().size());
        assertEquals(0, count("SELECT count(*) AS n FROM webhook_delivery WHERE endpoint_id = $1 AND attempts > 0",
                UUID.fromString(badId)));
    }

    @Test
    void successesAreRecordedInBatches() {
        Receiver receiver = receiver(n -> Receiver.Answer.of(200));
        String id = register(receiver.url("/"), List.of(CREATED)).getString("id");
        // 50 deliveries as the dispatcher holds them: claimed (leased past now), answered 2xx
        List<UUID> ids = new ArrayList<>();
        pool.preparedQuery("""
                        INSERT INTO webhook_delivery (id, endpoint_id, event_id, event_type, payload, status, next_attempt_at, created_at)
                        SELECT gen_random_uuid(), $1, 'batch-' || n, $2, '{}', 'PENDING', now() + interval '1 hour', now()
                          FROM generate_series(1, 50) n RETURNING id""")
                .execute(Tuple.of(UUID.fromString(id), CREATED)).await().indefinitely()
                .forEach(row -> ids.add(row.getUUID("id")));
        double statementsBefore = MetricsCatalogue.scrape("support_webhook_recorded_batch_deliveries_count");
        double deliveredBefore = deliveries("delivered");
        java.time.Instant now = java.time.Instant.now();
        List<java.util.concurrent.CompletableFuture<Void>> recorded = new ArrayList<>();
        // The first success goes out alone at once; a row lock holds that statement until the other 49
        // have queued behind it, so the test does not depend on how fast this machine is (CI once saw
        // 7 statements when the database answered quicker than the test thread queued).
        io.vertx.mutiny.sqlclient.SqlConnection holder = pool.getConnection().await().indefinitely();
        try {
            io.vertx.mutiny.sqlclient.Transaction tx = holder.begin().await().indefinitely();
            holder.preparedQuery("UPDATE webhook_delivery SET attempts = attempts WHERE id = $1")
                    .execute(Tuple.of(ids.get(0))).await().indefinitely();
            ids.forEach(delivery -> recorded.add(attempts.record(new WebhookAttempts.Claimed(delivery, UUID.fromString(id), 0,
                            "{}", now, receiver.url("/"), List.of(Signatures.newSecret()), false), now,
                    WebhookAttempts.Outcome.answered(200, "ok\u0000", null, System.nanoTime()))
                    .subscribeAsCompletionStage()));
            assertTrue(recorded.stream().noneMatch(java.util.concurrent.CompletableFuture::isDone),
                    "no success is recorded while the first statement waits");
            tx.commit().await().indefinitely();
        } finally {
            holder.close().await().indefinitely();
        }
        recorded.forEach(java.util.concurrent.CompletableFuture::join);

        assertEquals(50, delivered(id));
        assertEquals(50, count("SELECT count(*) AS n FROM webhook_attempt a JOIN webhook_delivery d ON d.id = a.delivery_id "
                + "WHERE d.endpoint_id = $1 AND a.response_code = 200 AND a.response_excerpt = 'ok\uFFFD'", UUID.fromString(id)));
        double statements = MetricsCatalogue.scrape("support_webhook_recorded_batch_deliveries_count") - statementsBefore;
        // ours take two (the one held, then the 49 behind it); the dispatcher may record another test's late success
        assertTrue(statements >= 2 && statements <= 4, "50 successes in " + statements + " statements");
        assertTrue(deliveries("delivered") >= deliveredBefore + 50);
    }

    @Test
    void deletingAnEndpointThatLosesADeadlockToItsDeliveriesIsRunAgain() throws Exception {
        String id = register(receiver(n -> Receiver.Answer.of(200)).url("/"), List.of(CREATED)).getString("id");
        // three deliveries (leased ahead, so the dispatcher leaves them alone), one after the other in the
        // table: the cascade reaches the middle one second, whichever way it goes through them
        List<UUID> deliveries = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            deliveries.add(pool.preparedQuery("""
                            INSERT INTO webhook_delivery (id, endpoint_id, event_id, event_type, payload, status, next_attempt_at, created_at)
                            VALUES (gen_random_uuid(), $1, $2, $3, '{}', 'PENDING', now() + interval '1 hour', now()) RETURNING id""")
                    .execute(Tuple.of(UUID.fromString(id), "deadlock-" + i, CREATED)).await().indefinitely()
                    .iterator().next().getUUID("id"));
        }
        String lock = "UPDATE webhook_delivery SET attempts = attempts WHERE id = $1";
        io.vertx.mutiny.sqlclient.SqlConnection recorder = pool.getConnection().await().indefinitely();
        try {
            // the recorder holds the middle delivery; the delete takes the endpoint and another one, then waits
            io.vertx.mutiny.sqlclient.Transaction tx = recorder.begin().await().indefinitely();
            recorder.preparedQuery(lock).execute(Tuple.of(deliveries.get(1))).await().indefinitely();
            java.util.concurrent.CompletableFuture<Integer> delete = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> as(admin).delete("/api/admin/webhooks/" + id + "/").statusCode());
            Eventually.until("the delete waits for the recorder", () -> count(
                    "SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE $1",
                    "DELETE FROM webhook_endpoint%") == 1);
            // the recorder now wants the others: a cycle; the delete, waiting longer, is the one PostgreSQL ends
            recorder.preparedQuery("UPDATE webhook_delivery SET attempts = attempts WHERE endpoint_id = $1 AND id <> $2")
                    .execute(Tuple.of(UUID.fromString(id), deliveries.get(1))).await().indefinitely();
            tx.commit().await().indefinitely();
            assertEquals(204, delete.get(30, java.util.concurrent.TimeUnit.SECONDS));
        } finally {
            recorder.close().await().indefinitely();
        }
        assertEquals(0, count("SELECT count(*) AS n FROM webhook_endpoint WHERE id = $1", UUID.fromString(id)));
    }

    @Test
    void aReceiverFailingThreeTimesGetsTheSameWebhookIdUntilOneSuccess() {
        Receiver receiver = receiver(n -> n <= 3 ? new Receiver.Answer(n == 2 ? 503 : 500, Map.of(), "busy " + n, false)
                : Receiver.Answer.of(200));
        JsonPath hook = register(receiver.url("/"), List.of("*"));
        double failedBefore = deliveries("failed");
        double deliveredBefore = deliveries("delivered");
        created(UUID.randomUUID());
        Eventually.until("delivered after three failures", () -> delivered(hook.getString("id")) == 1);
        // each recorded attempt is counted by its outcome once it committed
        Eventually.until("the attempts counted", () -> deliveries("delivered") >= deliveredBefore + 1);
        assertEquals(failedBefore + 3, deliveries("failed"), "three failed attempts, each retried");
        assertEquals(deliveredBefore + 1, deliveries("delivered"));

        List<Receiver.Request> requests = receiver.requests();
        assertEquals(4, requests.size());
        assertEquals(1, requests.stream().map(Receiver.Request::id).distinct().count(), "the same webhook-id every time");
        assertEquals(1, requests.stream().map(Receiver.Request::body).distinct().count(), "the same body every time");
        requests.forEach(r -> assertTrue(Receiver.verifies(hook.getString("secret"), r), "each attempt signed"));
        as(admin).get("/api/admin/webhooks/" + hook.getString("id") + "/deliveries/").then()
                .body("items[0].status", equalTo("DELIVERED")).body("items[0].attempts", equalTo(4))
                .body("items[0].attemptLog.responseCode", equalTo(List.of(500, 503, 500, 200)))
                .body("items[0].attemptLog[0].responseExcerpt", equalTo("busy 1"))
                .body("items[0].attemptLog[0].nextAttemptAt", notNullValue())
                .body("items[0].attemptLog[3].nextAttemptAt", nullValue());
        as(admin).get("/api/admin/webhooks/" + hook.getString("id") + "/").then()
                .body("enabled", equalTo(true)).body("failingSince", nullValue());
    }

    @Test
    void retryAfterIsHonoured() {
        Receiver receiver = receiver(n -> n == 1 ? new Receiver.Answer(429, Map.of("Retry-After", "2"), "", false)
                : Receiver.Answer.of(200));
        JsonPath hook = register(receiver.url("/"), List.of(CREATED));
        created(UUID.randomUUID());
        Eventually.until("delivered", () -> delivered(hook.getString("id")) == 1);
        List<Receiver.Request> requests = receiver.requests();
        assertEquals(2, requests.size());
        // the backoff of the test profile is at most 1 s: only Retry-After waits 2 s
        assertTrue(Duration.between(requests.get(0).at(), requests.get(1).at()).toMillis() >= 1900,
                "waited as asked: " + requests);
    }

    @Test
    void goneDisablesTheEndpointAndTellsTheAdmins() {
        try (EventPublisher events = new EventPublisher()) {
            events.account("com.logishift.support.account.registered.v1", admin.id(), "admin", "ACTIVE", admin.name());
        }
        Eventually.until("the admin known", () -> count("SELECT count(*) AS n FROM directory_account WHERE id = $1", admin.id()) == 1);
        Receiver receiver = receiver(n -> Receiver.Answer.of(410));
        JsonPath hook = register(receiver.url("/"), List.of(CREATED));
        String id = hook.getString("id");
        double gaveUpBefore = deliveries("gave_up");
        double disabledBefore = MetricsCatalogue.scrape("support_webhook_endpoints_disabled_total");
        created(UUID.randomUUID());
        Eventually.until("disabled", () -> Boolean.FALSE.equals(as(admin).get("/api/admin/webhooks/" + id + "/").path("enabled")));
        Eventually.until("the disabled endpoint counted",
                () -> MetricsCatalogue.scrape("support_webhook_endpoints_disabled_total") >= disabledBefore + 1);
        assertEquals(disabledBefore + 1, MetricsCatalogue.scrape("support_webhook_endpoints_disabled_total"));
        assertEquals(gaveUpBefore + 1, deliveries("gave_up"), "410: given up at once");
        as(admin).get("/api/admin/webhooks/" + id + "/").then().body("enabled", equalTo(false))
                .body("disabledReason", equalTo("GONE"));
        as(admin).get("/api/admin/webhooks/" + id + "/deliveries/").then().body("items[0].status", equalTo("FAILED"))
                .body("items[0].attempts", equalTo(1));
        assertEquals(1, count("SELECT count(*) AS n FROM feed_notification WHERE feed = 'admin' AND event_type = $1 "
                + "AND event_id LIKE $2", WebhookAttempts.DISABLED_KIND, "webhook-disabled:" + id + ":%"));
        as(admin).get("/api/notifications/").then().body("items.type", hasItem(WebhookAttempts.DISABLED_KIND));

        // a disabled endpoint gets nothing new, and redelivery is refused until it is enabled again
        created(UUID.randomUUID());
        String marker = created(UUID.randomUUID());
        Eventually.until("later events applied", () -> count("SELECT count(*) AS n FROM processed_event WHERE event_id = $1", marker) == 1);
        assertEquals(1, receiver.requests().size());
        String delivery = as(admin).get("/api/admin/webhooks/" + id + "/deliveries/").path("items[0].id");
        as(admin).post("/api/admin/webhooks/" + id + "/deliveries/" + delivery + "/redeliver/").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("https://support.logishift.com/problems/webhook-disabled"));
    }

    @Test
    void anEndpointFailingFor24HoursIsDisabled() {
        Receiver receiver = receiver(n -> Receiver.Answer.of(500));
        JsonPath hook = register(receiver.url("/"), List.of(CREATED));
        String id = hook.getString("id");
        // as if its attempts had failed since yesterday
        alter(id, "UPDATE webhook_endpoint SET failing_since = now() - interval '25 hours' WHERE id = $1");
        created(UUID.randomUUID());
        Eventually.until("disabled", () -> Boolean.FALSE.equals(as(admin).get("/api/admin/webhooks/" + id + "/").path("enabled")));
        as(admin).get("/api/admin/webhooks/" + id + "/").then().body("disabledReason", equalTo("FAILING"));
        assertEquals(1, count("SELECT count(*) AS n FROM feed_notification WHERE event_id LIKE $1", "webhook-disabled:" + id + ":%"));
        int attempts = receiver.requests().size();

        // enabled again: healthy again, the waiting delivery goes out
        as(admin).body(Map.of("url", receiver.url("/"), "eventTypes", List.of(CREATED), "enabled", true))
                .put("/api/admin/webhooks/" + id + "/").then().statusCode(200).body("enabled", equalTo(true))
                .body("disabledReason", nullValue()).body("failingSince", nullValue());
        Eventually.until("retried once enabled", () -> receiver.requests().size() > attempts);
    }

    @Test
    void aHangingReceiverDoesNotDelayAnother() {
        Receiver hanging = receiver(n -> new Receiver.Answer(200, Map.of(), "", true));
        Receiver quick = receiver(n -> Receiver.Answer.of(200));
        JsonPath slow = register(hanging.url("/"), List.of(CREATED));
        JsonPath fast = register(quick.url("/"), List.of(CREATED));
        for (int i = 0; i < 12; i++) {
            created(UUID.randomUUID());
        }
        Eventually.until("the quick receiver has all 12", () -> delivered(fast.getString("id")) == 12);
        // meanwhile the hanging one holds its own slots only, and not one of its attempts has ended
        assertTrue(hanging.requests().size() <= 4, "at most 4 in flight to one endpoint: " + hanging.requests().size());
        assertEquals(0, count("SELECT count(*) AS n FROM webhook_delivery WHERE endpoint_id = $1 AND attempts > 0",
                UUID.fromString(slow.getString("id"))));
        hanging.release();
        Eventually.until("the hanging receiver catches up", () -> delivered(slow.getString("id")) == 12);
    }

    @Test
    void aHealthyEndpointsDeliveriesAreLeasedWhenQueuedAndClaimedAheadOfItsSlots() {
        Receiver.Answer hang = new Receiver.Answer(200, Map.of(), "", true);
        // fresh events: queued already leased to this replica (no claim needed), sent as the 4 slots free up
        Receiver fresh = receiver(n -> hang);
        UUID freshId = UUID.fromString(register(fresh.url("/"), List.of(CREATED)).getString("id"));
        for (int i = 0; i < 8; i++) {
            created(UUID.randomUUID());
        }
        Eventually.until("8 queued, 4 of them under way", () -> fresh.requests().size() == 4
                && count("SELECT count(*) AS n FROM webhook_delivery WHERE endpoint_id = $1", freshId) == 8);
        assertEquals(8, leased(freshId), "those waiting for a slot are held too");

        // due deliveries (retries, redeliveries): one claim takes more than the free slots
        Receiver due = receiver(n -> hang);
        UUID dueId = UUID.fromString(register(due.url("/"), List.of(CREATED)).getString("id"));
        pool.preparedQuery("""
                        INSERT INTO webhook_delivery (id, endpoint_id, event_id, event_type, payload, status, next_attempt_at, created_at)
                        SELECT gen_random_uuid(), $1, 'ahead-' || n, $2, '{}', 'PENDING', now(), now() FROM generate_series(1, 8) n""")
                .execute(Tuple.of(dueId, CREATED)).await().indefinitely();
        Eventually.until("4 under way", () -> due.requests().size() == 4);
        assertEquals(8, leased(dueId), "claimed ahead of the free slots, not 4 at a time");

        fresh.release();
        due.release();
        Eventually.until("all delivered", () -> delivered(freshId.toString()) == 8 && delivered(dueId.toString()) == 8);
    }

    @Test
    void aSuccessHealsAnEndpointThatBeganFailingAfterItsDeliveryWasClaimed() {
        Receiver receiver = receiver(n -> Receiver.Answer.of(200));
        String id = register(receiver.url("/"), List.of(CREATED)).getString("id");
        UUID delivery = pool.preparedQuery("""
                        INSERT INTO webhook_delivery (id, endpoint_id, event_id, event_type, payload, status, next_attempt_at, created_at)
                        VALUES (gen_random_uuid(), $1, 'heal', $2, '{}', 'PENDING', now() + interval '1 hour', now()) RETURNING id""")
                .execute(Tuple.of(UUID.fromString(id), CREATED)).await().indefinitely().iterator().next().getUUID("id");
        // claimed while healthy; another attempt failed meanwhile
        alter(id, "UPDATE webhook_endpoint SET failing_since = now() - interval '1 hour' WHERE id = $1");
        java.time.Instant now = java.time.Instant.now();
        attempts.record(new WebhookAttempts.Claimed(delivery, UUID.fromString(id), 0, "{}", now, receiver.url("/"),
                        List.of(Signatures.newSecret()), false), now, WebhookAttempts.Outcome.answered(204, "", null, System.nanoTime()))
                .await().indefinitely();
        assertEquals(1, delivered(id));
        as(admin).get("/api/admin/webhooks/" + id + "/").then().body("failingSince", nullValue());
    }

    @Test
    void aRotationSignsWithBothSecretsDuringTheOverlap() {
        Receiver receiver = receiver(n -> Receiver.Answer.of(200));
        JsonPath hook = register(receiver.url("/"), List.of(CREATED));
        String id = hook.getString("id");
        String rotated = as(admin).post("/api/admin/webhooks/" + id + "/rotate-secret/").then().statusCode(200)
                .body("secret", startsWith("whsec_")).body("previousSecretExpiresAt", notNullValue())
                .extract().path("secret");
        assertNotEquals(hook.getString("secret"), rotated);
        created(UUID.randomUUID());
        Eventually.until("delivered", () -> delivered(id) == 1);
        Receiver.Request request = receiver.requests().get(0);
        assertEquals(2, request.signature().split(" ").length);
        assertTrue(Receiver.verifies(hook.getString("secret"), request), "the old secret still verifies");
        assertTrue(Receiver.verifies(rotated, request), "the new one too");
        as(admin).get("/api/admin/webhooks/" + id + "/").then().body("secret", nullValue());

        // once the overlap is over only the new secret signs
        alter(id, "UPDATE webhook_endpoint SET previous_secret_until = now() - interval '1 second' WHERE id = $1");
        created(UUID.randomUUID());
        Eventually.until("delivered", () -> delivered(id) == 2);
        Receiver.Request later = receiver.requests().get(1);
        assertEquals(1, later.signature().split(" ").length);
        assertTrue(Receiver.verifies(rotated, later));
        assertTrue(!Receiver.verifies(hook.getString("secret"), later), "the old secret no longer verifies");
    }

    @Test
    void redeliverySendsTheSameEventUnderANewWebhookId() {
        Receiver receiver = receiver(n -> Receiver.Answer.of(200));
        JsonPath hook = register(receiver.url("/"), List.of(CREATED));
        String id = hook.getString("id");
        created(UUID.randomUUID());
        Eventually.until("delivered", () -> delivered(id) == 1);
        String first = as(admin).get("/api/admin/webhooks/" + id + "/deliveries/").path("items[0].id");
        String again = as(admin).post("/api/admin/webhooks/" + id + "/deliveries/" + first + "/redeliver/").then()
                .statusCode(202).body("redeliveryOf", equalTo(first)).body("status", equalTo("PENDING"))
                .extract().path("id");
        Eventually.until("redelivered", () -> delivered(id) == 2);
        List<Receiver.Request> requests = receiver.requests();
        assertEquals(2, requests.size());
        assertEquals(requests.get(0).body(), requests.get(1).body());
        assertEquals(again, requests.get(1).id());
        as(admin).get("/api/admin/webhooks/" + id + "/deliveries/?size=1").then().body("total", equalTo(2))
                .body("items.size()", equalTo(1)).body("items[0].id", equalTo(again));
        // someone else's or unknown ids
        as(admin).post("/api/admin/webhooks/" + id + "/deliveries/" + UUID.randomUUID() + "/redeliver/").then().statusCode(404);
        as(admin).post("/api/admin/webhooks/" + UUID.randomUUID() + "/deliveries/" + first + "/redeliver/").then().statusCode(404);
        as(admin).post("/api/admin/webhooks/" + id + "/deliveries/x/redeliver/").then().statusCode(400)
                .body("errors[0].field", equalTo("deliveryId"));
    }

    @Test
    void internalDestinationsAreRefusedAtRegistrationAndAtDelivery() throws Exception {
        for (String url : List.of("http://10.0.0.1/hook", "http://169.254.169.254/latest/meta-data/", "http://[::1]:8080/",
                "http://localhost:8084/", "http://[fd00:ec2::254]/", "http://0.0.0.0:9/", "https://user:pw@example.com/",
                "ftp://example.com/", "not a url", "http://exa\u0000mple.com/")) {
            as(admin).body(Map.of("url", url, "eventTypes", List.of(CREATED))).post("/api/admin/webhooks/").then()
                    .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("url"));
        }
        // registered while allowed, then pointed (as if by DNS) at a name that resolves to loopback
        Receiver receiver = receiver(n -> Receiver.Answer.of(200));
        JsonPath hook = register(receiver.url("/"), List.of(CREATED));
        String id = hook.getString("id");
        alter(id, "UPDATE webhook_endpoint SET url = replace(url, '127.0.0.1', 'localhost') WHERE id = $1");
        created(UUID.randomUUID());
        Eventually.until("an attempt refused", () -> count("SELECT count(*) AS n FROM webhook_attempt a JOIN webhook_delivery d "
                + "ON d.id = a.delivery_id WHERE d.endpoint_id = $1 AND a.error LIKE 'refused:%'", UUID.fromString(id)) >= 1);
        assertEquals(0, receiver.requests().size(), "nothing sent to a refused address");
    }

    @Test
    void onlyAdminsAndOnlyValidInput() {
        Receiver receiver = receiver(n -> Receiver.Answer.of(200));
        String url = receiver.url("/");
        as(Tokens.agent()).get("/api/admin/webhooks/").then().statusCode(403);
        as(Tokens.customer()).body(Map.of("url", url, "eventTypes", List.of(CREATED))).post("/api/admin/webhooks/")
                .then().statusCode(403);
        given().get("/api/admin/webhooks/").then().statusCode(401);
        Map<String, String> refused = Map.ofEntries(
                Map.entry("{\"eventTypes\":[\"" + CREATED + "\"]}", "url"),
                Map.entry("{\"url\":\"" + url + "\"}", "eventTypes"),
                Map.entry("{\"url\":\"" + url + "\",\"eventTypes\":[]}", "eventTypes"),
                Map.entry("{\"url\":\"" + url + "\",\"eventTypes\":[\"com.logishift.support.account.registered.v1\"]}", "eventTypes[0]"),
                Map.entry("{\"url\":\"" + url + "\",\"eventTypes\":[\"" + CREATED + "\",\"nope\"]}", "eventTypes[1]"),
                Map.entry("{\"url\":\"" + url + "\",\"eventTypes\":\"" + CREATED + "\"}", "eventTypes"),
                Map.entry("{\"url\":7,\"eventTypes\":[\"" + CREATED + "\"]}", "url"),
                Map.entry("{\"url\":\"" + url + "\",\"eventTypes\":[\"" + CREATED + "\"],\"enabled\":\"yes\"}", "enabled"),
                Map.entry("{\"url\":\"" + url + "\",\"eventTypes\":[\"" + CREATED + "\"],\"description\":\"a\\u0000b\"}", "description"),
                Map.entry("{\"url\":\"" + url + "x".repeat(2000) + "\",\"eventTypes\":[\"" + CREATED + "\"]}", "url"));
        refused.forEach((body, field) -> as(admin).body(body).post("/api/admin/webhooks/").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(field)));
        as(admin).get("/api/admin/webhooks/" + UUID.randomUUID() + "/").then().statusCode(404);
        as(admin).delete("/api/admin/webhooks/" + UUID.randomUUID() + "/").then().statusCode(404);
        as(admin).post("/api/admin/webhooks/" + UUID.randomUUID() + "/rotate-secret/").then().statusCode(404);
        as(admin).get("/api/admin/webhooks/" + UUID.randomUUID() + "/deliveries/").then().statusCode(404);
        as(admin).get("/api/admin/webhooks/nope/").then().statusCode(400).body("errors[0].field", equalTo("id"));
        as(admin).get("/api/admin/webhooks/event-types/").then().statusCode(200).body("items", hasItem(CREATED))
                .body("items", not(hasItem("com.logishift.support.account.registered.v1")));

        // duplicates collapse; the description and enabled flag are kept; delete removes it
        io.restassured.response.Response created = as(admin).body(Map.of("url", url, "eventTypes", List.of(CREATED, CREATED),
                "description", " Partner ", "enabled", false)).post("/api/admin/webhooks/");
        created.then().statusCode(201).body("eventTypes", equalTo(List.of(CREATED))).body("description", equalTo("Partner"))
                .body("enabled", equalTo(false));
        JsonPath hook = created.jsonPath();
        assertEquals("/api/admin/webhooks/" + hook.getString("id") + "/", created.header("Location"));
        as(admin).delete("/api/admin/webhooks/" + hook.getString("id") + "/").then().statusCode(204);
        as(admin).get("/api/admin/webhooks/" + hook.getString("id") + "/").then().statusCode(404);
    }

    private Receiver receiver(java.util.function.IntFunction<Receiver.Answer> answers) {
        try {
            Receiver receiver = new Receiver(answers);
            receivers.add(receiver);
            return receiver;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonPath register(String url, List<String> types) {
        JsonPath hook = as(admin).body(Map.of("url", url, "eventTypes", types)).post("/api/admin/webhooks/").then()
                .statusCode(201).body("secret", startsWith("whsec_")).body("enabled", equalTo(true))
                .extract().jsonPath();
        registered.add(hook.getString("id"));
        return hook;
    }

    private long delivered(String endpoint) {
        return count("SELECT count(*) AS n FROM webhook_delivery WHERE endpoint_id = $1 AND status = 'DELIVERED'",
                UUID.fromString(endpoint));
    }

    /** Deliveries of the endpoint held by a replica: due again only after an attempt's length and more. */
    private long leased(UUID endpoint) {
        return count("SELECT count(*) AS n FROM webhook_delivery WHERE endpoint_id = $1 AND status = 'PENDING' "
                + "AND next_attempt_at > now() + interval '30 seconds'", endpoint);
    }

    private static String created(UUID ticket) {
        return event(CREATED, ticket, ",\"subject\":\"Wet box\",\"category\":\"DAMAGED\",\"priority\":\"LOW\"");
    }

    private static String priorityChanged(UUID ticket) {
        return event(PRIORITY, ticket, ",\"from\":\"LOW\",\"to\":\"HIGH\",\"changedBy\":\"" + UUID.randomUUID() + "\"");
    }

    private static String event(String type, UUID ticket, String extra) {
        try (EventPublisher events = new EventPublisher()) {
            return events.send(EventPublisher.ticketTopic(), UUID.randomUUID().toString(), type, ticket,
                    "{\"ticketId\":\"" + ticket + "\",\"reference\":\"SUP-000001\",\"customerId\":\"" + UUID.randomUUID()
                            + "\"" + extra + "}");
        }
    }

    /** support_webhook_deliveries_total of one outcome. */
    private static double deliveries(String outcome) {
        return MetricsCatalogue.scrape("support_webhook_deliveries_total", "outcome=\"" + outcome + "\"");
    }

    private String storedSecret(String endpoint, String column) {
        return pool.preparedQuery("SELECT " + column + " AS s FROM webhook_endpoint WHERE id = $1")
                .execute(Tuple.of(UUID.fromString(endpoint))).await().indefinitely().iterator().next().getString("s");
    }

    /** Changes the endpoint's row the way time or DNS would ($1 is its id). */
    private void alter(String id, String update) {
        pool.preparedQuery(update).execute(Tuple.of(UUID.fromString(id))).await().indefinitely();
    }

    private long count(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely().iterator().next().getLong("n");
    }

    private static RequestSpecification as(Tokens.Person person) {
        return given().contentType(ContentType.JSON).header("Authorization", person.bearer());
    }
}
