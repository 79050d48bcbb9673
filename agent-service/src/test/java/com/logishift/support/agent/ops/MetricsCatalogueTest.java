package com.logishift.support.agent.ops;

import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.MetricsCatalogue;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Alerts and dashboards use the catalogue's names: agent-service exports each of its rows from the start. */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class MetricsCatalogueTest {

    @Test
    void exportsEveryRowOfTheCatalogueThatNamesIt() {
        MetricsCatalogue.assertExported("agent-service", "/q/metrics");
    }
}
