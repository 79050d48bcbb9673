package com.logishift.support.notification.ops;

import static com.logishift.support.kit.test.OperationsChecks.assertMetrics;
import static com.logishift.support.kit.test.OperationsChecks.assertOpenApiDescribes;
import static com.logishift.support.kit.test.OperationsChecks.assertReadyWith;
import static io.restassured.RestAssured.given;
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
        assertReadyWith("Reactive PostgreSQL connections health check", "SmallRye Reactive Messaging - readiness check",
                "live notification stream", "event consumers");
        given().get("/q/health/live").then().statusCode(200)
                .body("checks.name", hasItems("SmallRye Reactive Messaging - liveness check"));
    }

    @Test
    void metricsShowConsumerLagAndNotificationsCreated() {
        assertMetrics("kafka_consumer_fetch_manager_records_lag", "support_notifications_created_total");
    }

    @Test
    void openApiDescribesTheSpecPaths() {
        assertOpenApiDescribes("/api/notifications", "/api/notifications/unread-count",
                "/api/notifications/{id}/read", "/api/notifications/read-all", "/api/notifications/stream",
                "/api/notifications/preferences", "/api/notifications/unsubscribe");
    }
}
