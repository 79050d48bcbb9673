package com.logishift.support.faq.ops;

import static com.logishift.support.kit.test.OperationsChecks.assertMetrics;
import static com.logishift.support.kit.test.OperationsChecks.assertOpenApiDescribes;
import static com.logishift.support.kit.test.OperationsChecks.assertReadyWith;
import static io.restassured.RestAssured.given;

import com.logishift.support.kit.test.JwtKeysTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What an operator relies on: health with the database, metrics, the API description. */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class OperationsTest {

    @Test
    void readinessCoversTheDatabase() {
        assertReadyWith("Reactive PostgreSQL connections health check");
    }

    @Test
    void prometheusMetricsAreExposed() {
        given().get("/api/support/faq/").then().statusCode(200);
        assertMetrics("http_server_requests_seconds");
    }

    @Test
    void openApiDescribesEveryEndpoint() {
        assertOpenApiDescribes("\"/api/support/faq\"", "\"/api/support/faq/{id}\"", "\"/api/support/faq/{id}/vote\"",
                "\"/api/admin/faq\"", "\"/api/admin/faq/{id}\"", "\"faq-admin\"", "DAMAGED", "SUPPORT");
    }
}
