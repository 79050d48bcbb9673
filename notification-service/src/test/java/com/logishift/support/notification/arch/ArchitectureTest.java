package com.logishift.support.notification.arch;

import com.logishift.support.kit.test.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** The layering of {@link ServiceArchitecture}; the root package holds the domain classes. */
class ArchitectureTest {

    @Test
    void layersAndBoundariesHold() {
        ServiceArchitecture.of("com.logishift.support.notification").check();
    }
}
