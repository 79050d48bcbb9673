package com.logishift.support.kit.test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.restassured.response.ValidatableResponse;

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

    private static void assertContains(ValidatableResponse response, String... texts) {
        for (String text : texts) {
            response.body(containsString(text));
        }
    }
}
