package com.logishift.support.systemtests.browser;

import com.logishift.support.systemtests.harness.SystemTest;
import org.junit.jupiter.api.Order;

/** The seed's flows in the web UI on a 1280 x 800 desktop screen. */
@SystemTest
@Order(3) // after the API flows and the permission matrix (see junit-platform.properties)
class WebUiDesktopFlowsTest extends WebUiFlows {
    WebUiDesktopFlowsTest() {
        super(Viewport.DESKTOP);
    }
}
