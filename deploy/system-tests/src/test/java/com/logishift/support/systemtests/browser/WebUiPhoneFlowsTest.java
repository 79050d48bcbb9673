package com.logishift.support.systemtests.browser;

import com.logishift.support.systemtests.harness.SystemTest;
import org.junit.jupiter.api.Order;

/** The seed's flows in the web UI on a 390 x 844 phone (touch, mobile layout). */
@SystemTest
@Order(4)
class WebUiPhoneFlowsTest extends WebUiFlows {
    WebUiPhoneFlowsTest() {
        super(Viewport.PHONE);
    }
}
