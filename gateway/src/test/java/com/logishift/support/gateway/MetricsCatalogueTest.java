package com.logishift.support.gateway;

import com.logishift.support.gateway.support.FakeBackends;
import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.MetricsCatalogue;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** The gateway's rows of the metrics catalogue are on its management port, where Prometheus scrapes it. */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
@QuarkusTestResource(FakeBackends.class)
class MetricsCatalogueTest {

    /** The management interface (its root path is /q). */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void exportsEveryRowOfTheCatalogueThatNamesIt() {
        MetricsCatalogue.assertExported("gateway", "http://localhost:" + management.getPort() + "/q/metrics");
    }
}
