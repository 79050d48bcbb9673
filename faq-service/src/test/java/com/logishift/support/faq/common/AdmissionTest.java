package com.logishift.support.faq.common;

import static com.logishift.support.faq.support.Api.PUBLIC;
import static com.logishift.support.faq.support.Api.asAdmin;
import static com.logishift.support.faq.support.Api.json;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import com.logishift.support.kit.Admission;
import com.logishift.support.kit.test.ErrorLog;
import com.logishift.support.kit.test.Eventually;
import com.logishift.support.kit.test.JwtKeysTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * service-kit's admission control with room for one request: a second one is shed with 503
 * problem+json and Retry-After at once, health and metrics still answer, and the place is given back
 * however the first request ends — answered, refused, or abandoned by its client.
 */
@QuarkusTest
@TestProfile(AdmissionTest.OneAtATime.class)
@QuarkusTestResource(JwtKeysTestResource.class)
class AdmissionTest {

    public static class OneAtATime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("support.http.admission.max-in-flight", "1", "support.http.admission.retry-after", "PT2.5S");
        }
    }

    @Inject
    Admission admission;

    @AfterEach
    void nothingLeftInFlight() {
        Eventually.until("every request released", () -> admission.inFlight() == 0);
    }

    @Test
    void aSecondRequestIsShedWhileOneIsInFlightAndHealthStillAnswers() throws Exception {
        try (ErrorLog log = ErrorLog.open(); Socket held = holdOpen()) {
            json().queryParam("q", "parcel").get(PUBLIC).then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "3")
                    .body("type", equalTo("https://support.logishift.com/problems/overloaded"))
                    .body("status", equalTo(503))
                    .body("instance", equalTo(PUBLIC));
            // a write is shed before its body is read: nothing of it reaches the FAQ
            json().body("{\"topicKey\":\"x\"}").post("/api/admin/faq/").then().statusCode(503);
            RestAssured.given().get("/q/health/live").then().statusCode(200);
            RestAssured.given().get("/q/metrics").then().statusCode(200)
                    .body(containsString("support_http_admission_shed_total"))
                    .body(containsString("support_http_admission_in_flight 1.0"));
            assertThat(log.errors(), empty());
        }
    }

    @Test
    void theClientHangingUpGivesThePlaceBack() throws Exception {
        try (Socket held = holdOpen()) {
            json().queryParam("q", "parcel").get(PUBLIC).then().statusCode(503);
        }
        Eventually.until("the abandoned request released", () -> admission.inFlight() == 0);
        json().queryParam("q", "parcel").get(PUBLIC).then().statusCode(200);
    }

    @Test
    void everyWayARequestEndsGivesThePlaceBack() {
        // with room for one, each of these would be shed if an earlier one had kept its place
        json().queryParam("q", "parcel").get(PUBLIC).then().statusCode(200);
        json().queryParam("q", "parcel\u0000").get(PUBLIC).then().statusCode(400);
        json().get("/api/nothing-here").then().statusCode(404);
        json().body("{").post("/api/admin/faq/").then().statusCode(401);
        json().body("x".repeat(70_000)).post("/api/admin/faq/").then().statusCode(413);
        asAdmin().body("{").post("/api/admin/faq/").then().statusCode(400);
        json().queryParam("q", "parcel").get(PUBLIC).then().statusCode(200);
    }

    /** A request whose body never completes: it holds its place until the socket is closed. */
    private Socket holdOpen() throws Exception {
        Socket socket = new Socket("127.0.0.1", RestAssured.port);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/admin/faq/ HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 100\r\n\r\n{\"topicKey\":").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        Eventually.until("the held request admitted", () -> admission.inFlight() == 1);
        return socket;
    }
}
