package com.logishift.support.kit.test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.regex.Pattern;

/** What an operator relies on, checked the same way in every service: health, metrics, the API description. */
public final class OperationsChecks {

    private OperationsChecks() {
    }

    /** Ready and live (both UP), readiness naming each of {@code checks} (e.g. the database's). */
    public static void assertReadyWith(String... checks) {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems(checks));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    /** The Prometheus page names each of {@code metrics}. */
    public static void assertMetrics(String... metrics) {
        assertContains(given().get("/q/metrics").then().statusCode(200), metrics);
    }

    /** The OpenAPI document (JSON) contains each of {@code fragments}, e.g. every path. */
    public static void assertOpenApiDescribes(String... fragments) {
        assertContains(given().accept("application/json").get("/q/openapi").then().statusCode(200), fragments);
    }

    /**
     * Lets an outage last {@code outage}, reading readiness twice a second meanwhile, and says whether
     * it reported the named check DOWN at least once (the outage's length, not a timed assertion).
     */
    public static boolean readinessReportedDownDuring(Duration outage, String check) throws InterruptedException {
        Pattern down = Pattern.compile("(?s).*\"name\": ?\"" + Pattern.quote(check) + "\",\\s*\"status\": ?\"DOWN\".*");
        boolean reported = false;
        long end = System.nanoTime() + outage.toNanos();
        while (System.nanoTime() < end) {
            reported |= down.matcher(given().get("/q/health/ready").then().extract().asString()).matches();
            Thread.sleep(500);
        }
        return reported;
    }

    private static void assertContains(ValidatableResponse response, String... texts) {
        for (String text : texts) {
            response.body(containsString(text));
        }
    }
}
