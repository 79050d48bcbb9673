package com.logishift.support.agent.ops;

import static com.logishift.support.kit.test.OperationsChecks.assertMetrics;
import static com.logishift.support.kit.test.OperationsChecks.assertOpenApiDescribes;
import static com.logishift.support.kit.test.OperationsChecks.assertReadyWith;

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
        assertReadyWith("Reactive PostgreSQL connections health check", "SmallRye Reactive Messaging - readiness check");
    }

    @Test
    void prometheusMetricsIncludeTheOutboxRelay() {
        assertMetrics("support_outbox_published_total", "http_server_requests_seconds");
    }

    @Test
    void openApiDescribesTheSpecPaths() {
        assertOpenApiDescribes("/api/auth/login", "/api/auth/register", "/api/support/register-agent",
                "/api/admin/approve-agent/{id}", "/api/admin/reject-agent/{id}", "/api/admin/agents",
                "/api/admin/agents/{id}/deactivate", "/api/admin/agents/{id}/reactivate", "/api/auth/jwks");
    }
}
