package com.logishift.support.ticket.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.logishift.support.kit.test.JwtKeysTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What an operator relies on: health with its dependencies, metrics, the API description. */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class OperationsTest {

    @Test
    void readinessCoversTheDatabaseAndKafka() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems(
                        "Reactive PostgreSQL connections health check",
                        "SmallRye Reactive Messaging - readiness check"));
    }

    @Test
    void prometheusMetricsIncludeTheOutboxAndTheConsumer() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("support_outbox_published_total"))
                .body(containsString("kafka_consumer_fetch_manager_records_lag"));
    }

    @Test
    void openApiDescribesTheSeedPaths() {
        String[] paths = {"/api/support/tickets/create", "/api/support/tickets/{id}/feedback",
            "/api/agent/tickets", "/api/support/tickets/{id}/assign-self", "/api/support/tickets/{id}/update-status",
            "/api/support/tickets/{id}/add-note", "/api/admin/support/tickets", "/api/support/tickets/{id}/reassign",
            "/api/admin/support/stats"};
        var response = given().accept("application/json").get("/q/openapi").then().statusCode(200);
        for (String path : paths) {
            response.body(containsString(path));
        }
    }
}
