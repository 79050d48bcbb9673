package com.logishift.support.faq.arch;

import com.logishift.support.kit.test.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** The layering of {@link ServiceArchitecture}; the root package holds the domain classes. */
class ArchitectureTest {

    @Test
    void layersAndBoundariesHold() {
        ServiceArchitecture.of("com.logishift.support.faq")
                // Panache active-record entities: the domain types are their own persistence until the
                // repositories of issue 14 (item 2) replace them
                .except("Panache active-record entity",
                        ServiceArchitecture.onTarget("io.quarkus.hibernate.reactive.panache."))
                .check();
    }
}
