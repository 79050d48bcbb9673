package com.logishift.support.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.logishift.support.gateway.support.FakeBackends;
import com.logishift.support.gateway.support.JwtKeysTestResource;
import com.logishift.support.gateway.support.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Too large is the caller's mistake: 413, 414 and 431 come from the gateway as problem+json, before
 * any service sees the request, and nothing is logged as an error.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
@QuarkusTestResource(FakeBackends.class)
class RequestLimitsTest {

    private static final String PROBLEMS = "https://support.logishift.com/problems/";

    @TestHTTPResource("/")
    URL base;

    private final List<LogRecord> errors = new CopyOnWriteArrayList<>();
    private final Handler errorCatcher = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void catchErrors() {
        Logger.getLogger("").addHandler(errorCatcher);
    }

    @AfterEach
    void noErrorWasLogged() {
        Logger.getLogger("").removeHandler(errorCatcher);
        assertTrue(errors.isEmpty(), () -> "logged as errors: " + errors.stream()
                .map(r -> r.getLoggerName() + ": " + r.getMessage() + " " + r.getThrown()).toList());
    }

    @Test
    void aLargeNoteAndALargeSignInAre413FromTheGateway() {
        String note = UUID.randomUUID() + "/add-note/";
        given().header("Authorization", Tokens.agent().bearer()).contentType(ContentType.JSON)
                .body("{\"body\":\"" + "n".repeat(900 * 1024) + "\"}")
                .post("/api/support/tickets/" + note)
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "payload-too-large"))
                .body("status", equalTo(413))
                .body("detail", equalTo("The request body is larger than 65536 bytes."));
        assertEquals(0, FakeBackends.received("/api/support/tickets/" + note), "the service never saw it");

        given().contentType(ContentType.JSON)
                .body("{\"email\":\"a@example.com\",\"password\":\"" + "p".repeat(200 * 1024) + "\"}")
                .post("/api/auth/login/")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "payload-too-large"));
    }

    @Test
    void aChunkedBodyThatGrowsPastTheLimitIs413AndNeverReachesTheService() throws Exception {
        String path = "/api/support/tickets/" + UUID.randomUUID() + "/add-note/";
        byte[] body = ("{\"body\":\"" + "c".repeat(200 * 1024) + "\"}").getBytes();
        // an InputStream of unknown length: the JDK client sends it chunked, without Content-Length
        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(base + path.substring(1)))
                        .header("Authorization", Tokens.agent().bearer())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, answer.statusCode(), answer.body());
        assertEquals("application/problem+json", answer.headers().firstValue("content-type").orElse(""));
        assertEquals(PROBLEMS + "payload-too-large", new JsonObject(answer.body()).getString("type"));
        assertEquals(0, FakeBackends.received(path), "the service never acts on a cut-off body");
    }

    @Test
    void aBodyWithinTheLimitStillStreamsChunked() throws Exception {
        String path = "/api/support/tickets/" + UUID.randomUUID() + "/add-note/";
        byte[] body = ("{\"body\":\"" + "c".repeat(60 * 1024) + "\"}").getBytes();
        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(base + path.substring(1)))
                        .header("Authorization", Tokens.agent().bearer())
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode());
        assertEquals(body.length, new JsonObject(answer.body()).getString("body").length());
    }

    @Test
    void aServiceThatRefusesBeforeReadingTheBodyIsRelayedNotA503() {
        given().header("Authorization", Tokens.agent().bearer()).contentType(ContentType.JSON)
                .body("{\"body\":\"" + "r".repeat(60 * 1024) + "\"}")
                .post("/api/support/tickets/" + UUID.randomUUID() + "/refuse-early/")
                .then().statusCode(413).contentType("application/problem+json");
        // and the gateway's connections are fine afterwards
        given().get("/api/support/faq/").then().statusCode(200);
    }

    @Test
    void aLongUriIs414() {
        for (int length : new int[] {5_000, 30_000}) {
            given().get("/api/support/faq/?q=" + "a".repeat(length))
                    .then().statusCode(414).contentType("application/problem+json")
                    .body("type", equalTo(PROBLEMS + "uri-too-long"))
                    .body("status", equalTo(414));
        }
    }

    @Test
    void largeHeadersAre431() {
        for (int length : new int[] {17_000, 40_000}) {
            given().header("X-Padding", "h".repeat(length)).get("/api/support/faq/")
                    .then().statusCode(431).contentType("application/problem+json")
                    .body("type", equalTo(PROBLEMS + "request-header-fields-too-large"))
                    .body("status", equalTo(431));
        }
    }
}
