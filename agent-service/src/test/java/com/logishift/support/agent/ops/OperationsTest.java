package com.logishift.support.agent.ops;

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
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheusMetricsIncludeTheOutboxRelay() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("support_outbox_published_total"))
                .body(containsString("http_server_requests_seconds"));
    }

    @Test
    void openApiDescribesTheSpecPaths() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/auth/login"))
                .body(containsString("/api/auth/register"))
                .body(containsString("/api/support/register-agent"))
                .body(containsString("/api/admin/approve-agent/{id}"))
                .body(containsString("/api/admin/reject-agent/{id}"))
                .body(containsString("/api/admin/agents"))
                .body(containsString("/api/admin/agents/{id}/deactivate"))
                .body(containsString("/api/admin/agents/{id}/reactivate"))
                .body(containsString("/api/auth/jwks"));
    }
}
