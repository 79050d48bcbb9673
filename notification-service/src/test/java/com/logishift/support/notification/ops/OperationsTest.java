package com.logishift.support.notification.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.logishift.support.kit.test.JwtKeysTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Health covers the database, the consumers and the live stream; metrics show lag and output. */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class OperationsTest {

    @Test
    void readinessCoversDatabaseConsumersAndTheLiveStream() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check",
                        "SmallRye Reactive Messaging - readiness check", "live notification stream"));
        given().get("/q/health/live").then().statusCode(200)
                .body("checks.name", hasItems("SmallRye Reactive Messaging - liveness check"));
    }

    @Test
    void metricsShowConsumerLagAndNotificationsCreated() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("kafka_consumer_fetch_manager_records_lag"))
                .body(containsString("support_notifications_created_total"));
    }

    @Test
    void openApiDescribesTheSpecPaths() {
        var response = given().accept("application/json").get("/q/openapi").then().statusCode(200);
        for (String path : new String[] {"/api/notifications", "/api/notifications/unread-count",
            "/api/notifications/{id}/read", "/api/notifications/read-all", "/api/notifications/stream"}) {
            response.body(containsString(path));
        }
    }
}
