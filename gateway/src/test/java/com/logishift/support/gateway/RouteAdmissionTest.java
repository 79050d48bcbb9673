package com.logishift.support.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.logishift.support.gateway.RouteAdmission.RouteClass;
import com.logishift.support.gateway.support.FakeBackends;
import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.Tokens;
import com.logishift.support.kit.test.Eventually;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.vertx.core.http.HttpMethod;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway's admission control with room for one request per route class: a second one of the
 * same class is answered 503 overloaded with Retry-After at once, other classes still pass, and the
 * place is given back when the first one's caller hangs up.
 */
@QuarkusTest
@TestProfile(RouteAdmissionTest.OnePerClass.class)
@QuarkusTestResource(JwtKeysTestResource.class)
@QuarkusTestResource(FakeBackends.class)
class RouteAdmissionTest {

    public static class OnePerClass implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("support.gateway.admission.auth", "1", "support.gateway.admission.writes", "1",
                    "support.gateway.admission.reads", "1", "support.gateway.admission.streams", "1",
                    "support.gateway.admission.retry-after", "PT2S",
                    // a held request is held by the test, not cut by the gateway's timeout
                    "support.gateway.response-timeout", "PT60S");
        }
    }

    @Inject
    RouteAdmission admission;

    @AfterEach
    void everythingReleased() {
        for (RouteClass routeClass : RouteClass.values()) {
            Eventually.until("every " + routeClass + " request released", () -> admission.inFlight(routeClass) == 0);
        }
    }

    @Test
    void aSecondReadIsShedWhileWritesStillPass() throws Exception {
        try (Socket held = hold(RouteClass.READS, "GET /api/support/faq/slow HTTP/1.1\r\nHost: localhost\r\n\r\n")) {
            given().get("/api/support/faq/").then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "2")
                    .body("type", equalTo("https://support.logishift.com/problems/overloaded"))
                    .body("status", equalTo(503))
                    .body("instance", equalTo("/api/support/faq/"));
            write().then().statusCode(200);
        }
        Eventually.until("the abandoned read released", () -> admission.inFlight(RouteClass.READS) == 0);
        given().get("/api/support/faq/").then().statusCode(200);
    }

    @Test
    void aSecondWriteIsShedWhileReadsStillPass() throws Exception {
        String token = Tokens.agent().bearer();
        try (Socket held = hold(RouteClass.WRITES, "POST /api/support/tickets/create/ HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: " + token + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"sub")) {
            write().then().statusCode(503).header("Retry-After", "2")
                    .body("type", equalTo("https://support.logishift.com/problems/overloaded"));
            given().get("/api/support/faq/").then().statusCode(200);
        }
        Eventually.until("the abandoned write released", () -> admission.inFlight(RouteClass.WRITES) == 0);
        write().then().statusCode(200);
    }

    @Test
    void signInHasItsOwnClass() throws Exception {
        try (Socket held = hold(RouteClass.AUTH, "POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"em")) {
            given().contentType(ContentType.JSON).body("{}").post("/api/auth/login").then().statusCode(503);
            write().then().statusCode(200);
        }
    }

    @Test
    void streamsHaveTheirOwnClassHeldWhileOpen() throws Exception {
        try (Socket held = hold(RouteClass.STREAMS,
                "GET /api/notifications/stream?ticket=t1 HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n")) {
            given().queryParam("ticket", "t2").get("/api/notifications/stream").then().statusCode(503);
            given().get("/api/support/faq/").then().statusCode(200);
        }
    }

    @Test
    void eachRequestFallsIntoItsClass() {
        assertClass(RouteClass.READS, "GET", "/api/support/faq/");
        assertClass(RouteClass.READS, "HEAD", "/api/support/faq/");
        assertClass(RouteClass.WRITES, "POST", "/api/support/tickets/create");
        assertClass(RouteClass.WRITES, "DELETE", "/api/admin/faq/x");
        assertClass(RouteClass.AUTH, "POST", "/api/auth/login");
        assertClass(RouteClass.AUTH, "POST", "/api/auth/register");
        assertClass(RouteClass.STREAMS, "GET", "/api/notifications/stream");
        assertClass(RouteClass.STREAMS, "GET", "/api/support/tickets/abc/stream");
    }

    private static void assertClass(RouteClass expected, String method, String path) {
        RouteTable.Match match = RouteTable.match(method, path).orElseThrow();
        assertEquals(expected, RouteAdmission.classOf(HttpMethod.valueOf(method), match), method + " " + path);
    }

    private static io.restassured.response.Response write() {
        return given().header("Authorization", Tokens.agent().bearer()).contentType(ContentType.JSON)
                .body("{\"subject\":\"Crushed box\"}").post("/api/support/tickets/create/");
    }

    /** Sends {@code request} (which the backend never finishes answering) and waits until it is in flight. */
    private Socket hold(RouteClass routeClass, String request) throws Exception {
        Socket socket = new Socket("127.0.0.1", RestAssured.port);
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.UTF_8));
        out.flush();
        Eventually.until("the held " + routeClass + " request admitted", () -> admission.inFlight(routeClass) == 1);
        return socket;
    }
}
