package com.logishift.support.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.logishift.support.gateway.support.FakeBackends;
import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.Tokens;
import com.logishift.support.kit.test.Tokens.Person;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
@QuarkusTestResource(FakeBackends.class)
class GatewayTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void routesEachPathToItsServiceAndPassesEverythingOn() {
        Person customer = Tokens.customer();
        given().header("Authorization", customer.bearer()).contentType(ContentType.JSON)
                .body("{\"subject\":\"Crushed box\"}")
                .post("/api/support/tickets/create/?x=1")
                .then().statusCode(200)
                .body("backend", equalTo("ticket"))
                .body("method", equalTo("POST"))
                .body("path", equalTo("/api/support/tickets/create/"))
                .body("query", equalTo("x=1"))
                .body("body", equalTo("{\"subject\":\"Crushed box\"}"))
                .body("headers.authorization", equalTo(customer.bearer()))
                .body("headers.x-request-id", notNullValue())
                .body("headers.x-forwarded-for", notNullValue());
        given().header("Authorization", customer.bearer()).get("/api/notifications").then().body("backend", equalTo("notification"));
        given().header("Authorization", customer.bearer()).get("/api/auth/me/").then().body("backend", equalTo("agent"));
        given().get("/api/support/faq/?q=damage").then().statusCode(200).body("backend", equalTo("faq"))
                .body("query", equalTo("q=damage"));
        // the backend's own status and headers come back unchanged
        given().header("Authorization", customer.bearer()).get("/api/support/tickets/teapot")
                .then().statusCode(418).header("X-Backend", "ticket");
    }

    @Test
    void publicRoutesNeedNoTokenEverythingElseDoes() {
        given().contentType(ContentType.JSON).body("{}").post("/api/auth/login/").then().statusCode(200)
                .body("backend", equalTo("agent"));
        given().get("/api/auth/jwks").then().statusCode(200);
        given().get("/api/support/faq/" + UUID.randomUUID()).then().statusCode(200);
        for (String path : new String[] {"/api/support/tickets/", "/api/agent/tickets/", "/api/admin/support/stats/",
            "/api/notifications/", "/api/admin/agents/", "/api/auth/me/"}) {
            given().get(path).then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer")
                    .body("status", equalTo(401))
                    .body("instance", equalTo(path));
        }
        given().contentType(ContentType.JSON).body("{\"helpful\":true}")
                .post("/api/support/faq/" + UUID.randomUUID() + "/vote/").then().statusCode(401);
        given().get("/api/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void forgedExpiredAndAlgorithmConfusedTokensAreRefused() throws Exception {
        String[] bad = {
            "not-a-jwt",
            Tokens.sign(UUID.randomUUID(), "admin", "Old", Instant.now().minusSeconds(3600)),
            unsigned(),
            hs256SignedWithThePublicKey(),
        };
        for (String token : bad) {
            given().header("Authorization", "Bearer " + token).get("/api/admin/support/stats/")
                    .then().statusCode(401).contentType("application/problem+json")
                    .body("detail", containsString("invalid or expired"));
        }
        given().header("Authorization", "Basic YTpi").get("/api/admin/support/stats/").then().statusCode(401);
    }

    @Test
    void theStreamAcceptsAOneTimeTicketWithoutATokenAndStreams() throws Exception {
        HttpResponse<java.util.stream.Stream<String>> response =
                openStream(HttpRequest.newBuilder(URI.create(base + "api/notifications/stream/?ticket=abc")).build());
        assertTrue(notificationArrives(response), "an event sent after the stream opened arrives through the gateway");
        given().get("/api/notifications/stream/").then().statusCode(401);
    }

    @Test
    void aTicketsLiveThreadStreamsToASignedInCallerWithoutTheResponseTimeout() throws Exception {
        String path = "api/support/tickets/" + UUID.randomUUID() + "/stream/?after=3";
        HttpResponse<java.util.stream.Stream<String>> response = openStream(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", Tokens.customer().bearer()).build());
        // the fake begins its answer 1.5 s late: with the response timeout (PT1S in tests) this is a 504
        assertTrue(notificationArrives(response), "a stream that is quiet for longer than the response timeout still arrives");
        response.body().close();

        // signed-in only: the notification stream's one-time ticket does not open a ticket's thread
        given().get("/" + path).then().statusCode(401).contentType("application/problem+json");
        given().get("/api/support/tickets/" + UUID.randomUUID() + "/stream/?ticket=abc").then().statusCode(401);
        given().header("Authorization", "Bearer not-a-jwt").get("/" + path).then().statusCode(401);
    }

    @Test
    void aSlowAnswerOnAnOrdinaryTicketPathStillTimesOut() {
        // the stream exemption is for .../{id}/stream only
        given().header("Authorization", Tokens.customer().bearer())
                .get("/api/support/tickets/" + UUID.randomUUID() + "/messages/slow")
                .then().statusCode(504).contentType("application/problem+json");
    }

    @Test
    void requestIdIsKeptOrMadeAndSecurityHeadersAreSet() {
        given().header("X-Request-Id", "trace-123").get("/api/support/faq/")
                .then().header("X-Request-Id", "trace-123")
                .body("headers.x-request-id", equalTo("trace-123"))
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", containsString("default-src 'none'"));
        given().header("X-Request-Id", "bad id with spaces and\u00e9").get("/api/support/faq/")
                .then().header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void signInIsLimitedPerClientAndEverythingElsePerAccount() {
        int refused = 0;
        String retryAfter = null;
        for (int i = 0; i < 8; i++) {
            var response = given().contentType(ContentType.JSON).body("{}").post("/api/auth/register/");
            if (response.statusCode() == 429) {
                refused++;
                retryAfter = response.header("Retry-After");
                response.then().contentType("application/problem+json");
            }
        }
        assertTrue(refused >= 3, "5 per minute: the rest are refused, got " + refused);
        assertTrue(Integer.parseInt(retryAfter) >= 1);

        // 30 requests at once, whatever the machine's speed: a burst of 10 (then 5/s) cannot cover them
        Person busy = Tokens.agent();
        HttpClient client = HttpClient.newHttpClient();
        var answers = java.util.stream.IntStream.range(0, 30)
                .mapToObj(i -> client.sendAsync(HttpRequest.newBuilder(URI.create(base + "api/agent/tickets/"))
                        .header("Authorization", busy.bearer()).build(), HttpResponse.BodyHandlers.discarding()))
                .toList();
        long limited = answers.stream().map(java.util.concurrent.CompletableFuture::join)
                .filter(r -> r.statusCode() == 429).count();
        assertTrue(limited > 0, "a burst of 10 then 5/s: some of 30 simultaneous requests are refused");
        given().header("Authorization", Tokens.agent().bearer()).get("/api/agent/tickets/").then().statusCode(200);
    }

    @Test
    void aSlowBackendIs504AndADownOneIs503WithinBoundedTime() throws Exception {
        Person customer = Tokens.customer();
        long start = System.nanoTime();
        given().header("Authorization", customer.bearer()).get("/api/support/tickets/slow")
                .then().statusCode(504).contentType("application/problem+json")
                .body("detail", containsString("ticket-service"));
        assertTrue((System.nanoTime() - start) / 1_000_000 < 5000, "answered within the bounded time");
        // with a body too: the service's silence after the body counts
        given().header("Authorization", customer.bearer()).contentType(ContentType.JSON).body("{\"a\":1}")
                .post("/api/support/tickets/slow").then().statusCode(504).contentType("application/problem+json");

        FakeBackends.stop("agent");
        try {
            start = System.nanoTime();
            given().contentType(ContentType.JSON).body("{}").header("Authorization", customer.bearer())
                    .get("/api/auth/me/").then().statusCode(503).contentType("application/problem+json")
                    .body("detail", containsString("agent-service"));
            assertTrue((System.nanoTime() - start) / 1_000_000 < 5000);
        } finally {
            FakeBackends.restart("agent");
        }
    }

    @Test
    void corsPreflightForTheFrontendOrigin() {
        given().header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/support/tickets/create/")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:5173");
        given().header("Origin", "https://evil.example").get("/api/support/faq/")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void docsLinkEveryServicesOpenApi() {
        given().get("/api/docs/").then().statusCode(200)
                .body("services.service", org.hamcrest.Matchers.hasItems("agent-service", "ticket-service",
                        "faq-service", "notification-service"));
        given().get("/api/docs/ticket-service/openapi").then().statusCode(200)
                .body("backend", equalTo("ticket")).body("path", equalTo("/q/openapi"));
    }

    private static String unsigned() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims().getBytes(StandardCharsets.UTF_8)) + ".";
    }

    /** The classic algorithm confusion: HS256 with the RSA public key as the HMAC secret. */
    private static String hs256SignedWithThePublicKey() throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + b64.encodeToString(claims().getBytes(StandardCharsets.UTF_8));
        byte[] publicPem = Files.readAllBytes(Path.of("target", "test-jwt", "public.pem"));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(publicPem, "HmacSHA256"));
        return signingInput + "." + b64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String claims() {
        return "{\"iss\":\"https://support.logishift.com\",\"sub\":\"" + UUID.randomUUID()
                + "\",\"groups\":[\"admin\"],\"exp\":" + (Instant.now().getEpochSecond() + 600) + "}";
    }

    /** Opens an event stream through the gateway: 200 and text/event-stream, its lines to read. */
    private static HttpResponse<java.util.stream.Stream<String>> openStream(HttpRequest request) throws Exception {
        HttpResponse<java.util.stream.Stream<String>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(30, TimeUnit.SECONDS); // generous: two busy cores
        assertEquals(200, response.statusCode());
        assertEquals("text/event-stream", response.headers().firstValue("content-type").orElse(""));
        return response;
    }

    /** Whether the stream brings a "notification" event within 30 seconds. */
    private static boolean notificationArrives(HttpResponse<java.util.stream.Stream<String>> response) {
        Iterator<String> lines = response.body().iterator();
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline && lines.hasNext()) {
            if (lines.next().contains("event: notification")) {
                return true;
            }
        }
        return false;
    }
}
