package com.logishift.support.ticket.ops;

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
    void readinessCoversTheDatabaseKafkaAndTheConsumer() {
        assertReadyWith("Reactive PostgreSQL connections health check", "SmallRye Reactive Messaging - readiness check",
                "account events consumer");
    }

    @Test
    void prometheusMetricsIncludeTheOutboxAndTheConsumer() {
        assertMetrics("support_outbox_published_total", "kafka_consumer_fetch_manager_records_lag");
    }

    @Test
    void openApiDescribesTheSeedPaths() {
        assertOpenApiDescribes("/api/support/tickets/create", "/api/support/tickets/{id}/feedback",
                "/api/agent/tickets", "/api/support/tickets/{id}/assign-self", "/api/support/tickets/{id}/update-status",
                "/api/support/tickets/{id}/add-note", "/api/admin/support/tickets", "/api/support/tickets/{id}/reassign",
                "/api/admin/support/stats");
    }
}
