package com.logishift.support.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.logishift.support.gateway.support.FakeBackends;
import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.RawHttp;
import com.logishift.support.kit.test.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
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
        HttpResponse<String> answer = sendChunked(path, Tokens.agent(), () -> new ByteArrayInputStream(body),
                "Content-Type", "application/json");
        assertEquals(413, answer.statusCode(), answer.body());
        assertEquals("application/problem+json", answer.headers().firstValue("content-type").orElse(""));
        assertEquals(PROBLEMS + "payload-too-large", new JsonObject(answer.body()).getString("type"));
        assertEquals(0, FakeBackends.received(path), "the service never acts on a cut-off body");
    }

    @Test
    void aBodyWithinTheLimitStillStreamsChunked() throws Exception {
        String path = "/api/support/tickets/" + UUID.randomUUID() + "/add-note/";
        byte[] body = ("{\"body\":\"" + "c".repeat(60 * 1024) + "\"}").getBytes();
        HttpResponse<String> answer = sendChunked(path, Tokens.agent(), () -> new ByteArrayInputStream(body));
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

    /** 10 MiB (ticket-service's file limit) and 64 KiB for the multipart framing. */
    private static final int UPLOAD_LIMIT = 10 * 1024 * 1024 + 64 * 1024;
    private static final String UPLOADS = "/api/support/attachments/";

    @Test
    void anUploadUpToItsLimitPassesThroughWholeWithContentLengthAndChunked() throws Exception {
        byte[] file = new byte[UPLOAD_LIMIT];
        new Random(7).nextBytes(file);
        String sha256 = FakeBackends.sha256(file);
        given().header("Authorization", Tokens.customer().bearer())
                .contentType("multipart/form-data; boundary=xyz").body(file)
                .post(UPLOADS)
                .then().statusCode(201)
                .body("backend", equalTo("ticket"))
                .body("size", equalTo(UPLOAD_LIMIT))
                .body("sha256", equalTo(sha256));

        HttpResponse<String> chunked = uploadChunked(UPLOADS, UUID.randomUUID().toString(), file);
        assertEquals(201, chunked.statusCode(), chunked.body());
        assertEquals(UPLOAD_LIMIT, new JsonObject(chunked.body()).getInteger("size"));
        assertEquals(sha256, new JsonObject(chunked.body()).getString("sha256"));
    }

    @Test
    void aBodyThatTakesLongerThanTheResponseTimeoutToArriveIsNotCutOff() throws Exception {
        // ten pieces a quarter of a second apart: longer in all than the test response timeout (1 s),
        // never silent for that long. The timeout measures the service's silence, not the upload.
        String path = "/api/support/tickets/" + UUID.randomUUID() + "/messages/";
        String requestId = UUID.randomUUID().toString();
        InputStream slow = new InputStream() {
            private int piece;
            private int at;
            private final byte[] bytes = "0123456789".repeat(100).getBytes();

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0];
            }

            @Override
            public int read(byte[] into, int offset, int length) {
                if (piece == 10) {
                    return -1;
                }
                if (at == bytes.length) {
                    piece++;
                    at = 0;
                    if (piece == 10) {
                        return -1;
                    }
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                int n = Math.min(length, bytes.length - at);
                System.arraycopy(bytes, at, into, offset, n);
                at += n;
                return n;
            }
        };
        HttpResponse<String> answer = sendChunked(path, Tokens.customer(), () -> slow, "X-Request-Id", requestId);
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(10_000, new JsonObject(answer.body()).getString("body").length());
        assertTrue(FakeBackends.receivedRequest(requestId));
    }

    @Test
    void aChunkedUploadThatGrowsPastItsLimitIs413AndNeverReachesTheService() throws Exception {
        String requestId = UUID.randomUUID().toString();
        HttpResponse<String> answer = uploadChunked(UPLOADS, requestId, new byte[UPLOAD_LIMIT + 256 * 1024]);
        assertEquals(413, answer.statusCode(), answer.body());
        assertEquals("application/problem+json", answer.headers().firstValue("content-type").orElse(""));
        assertEquals(PROBLEMS + "payload-too-large", new JsonObject(answer.body()).getString("type"));
        assertEquals("The request body is larger than " + UPLOAD_LIMIT + " bytes.",
                new JsonObject(answer.body()).getString("detail"));
        assertFalse(FakeBackends.receivedRequest(requestId), "the service never acts on a cut-off upload");
    }

    @Test
    void anUploadAnnouncedOverItsLimitIs413BeforeAnyOfItIsSent() {
        String requestId = UUID.randomUUID().toString();
        // only the head: the gateway answers on the announced length, without waiting for the body
        RawHttp.Answer answer = RawHttp.sendFrom("127.0.0.1", base.getPort(), "POST", UPLOADS, Map.of(
                "Authorization", Tokens.customer().bearer(), "X-Request-Id", requestId,
                "Content-Type", "multipart/form-data; boundary=xyz",
                "Content-Length", Integer.toString(UPLOAD_LIMIT + 1)), null);
        assertEquals(413, answer.status(), answer.body());
        assertEquals("application/problem+json", answer.header("content-type"));
        assertEquals(PROBLEMS + "payload-too-large", answer.json().getString("type"));
        assertEquals("The request body is larger than " + UPLOAD_LIMIT + " bytes.", answer.json().getString("detail"));
        assertFalse(FakeBackends.receivedRequest(requestId));
    }

    @Test
    void onlyAPostOfAnUploadHasTheLargerLimit() throws Exception {
        byte[] body = new byte[100 * 1024];
        String id = UUID.randomUUID().toString();
        for (String path : new String[] {"/api/support/attachments/" + id + "/", "/api/support/attachments/" + id,
            "/api/support/tickets/create/", "/api/support/tickets/" + id + "/messages/",
            "/api/support/attachmentsx/", "/api/support/attachments/../tickets/create/"}) {
            given().header("Authorization", Tokens.customer().bearer())
                    .contentType("multipart/form-data; boundary=xyz").body(body)
                    .post(path)
                    .then().statusCode(413).contentType("application/problem+json")
                    .body("detail", equalTo("The request body is larger than 65536 bytes."));
        }
        given().header("Authorization", Tokens.customer().bearer())
                .contentType("multipart/form-data; boundary=xyz").body(body)
                .put(UPLOADS)
                .then().statusCode(413).body("detail", equalTo("The request body is larger than 65536 bytes."));
        // and chunked: the count while streaming follows the same rule
        String requestId = UUID.randomUUID().toString();
        HttpResponse<String> chunked = uploadChunked("/api/support/attachments/" + id + "/", requestId, body);
        assertEquals(413, chunked.statusCode(), chunked.body());
        assertFalse(FakeBackends.receivedRequest(requestId));
    }

    @Test
    void anAnonymousUploadIs401NotPassedOn() {
        String requestId = UUID.randomUUID().toString();
        given().header("X-Request-Id", requestId).contentType("multipart/form-data; boundary=xyz")
                .body(new byte[1024 * 1024])
                .post(UPLOADS)
                .then().statusCode(401).contentType("application/problem+json");
        assertFalse(FakeBackends.receivedRequest(requestId));
    }

    /** A customer's multipart upload to {@code path}, chunked. */
    private HttpResponse<String> uploadChunked(String path, String requestId, byte[] body) throws Exception {
        return sendChunked(path, Tokens.customer(), () -> new ByteArrayInputStream(body),
                "X-Request-Id", requestId, "Content-Type", "multipart/form-data; boundary=xyz");
    }

    /**
     * POSTs a body of unknown length (a stream), which the JDK client sends chunked, without
     * Content-Length; {@code headers} are names and values in turn.
     */
    private HttpResponse<String> sendChunked(String path, Tokens.Person who, Supplier<InputStream> body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path.substring(1)))
                .header("Authorization", who.bearer())
                .POST(HttpRequest.BodyPublishers.ofInputStream(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
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
