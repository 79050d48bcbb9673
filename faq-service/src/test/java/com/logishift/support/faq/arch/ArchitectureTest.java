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
                // not fixed yet: the admin service takes the web request record, and the vote and read
                // services build web views (issue 14 item 2: request/response records only in rest/)
                .except("FaqEntryRequest in FaqAdminService", ServiceArchitecture.from(
                        "com.logishift.support.faq.service.FaqAdminService", "com.logishift.support.faq.rest.FaqEntryRequest"))
                .except("VoteView built by VoteService", ServiceArchitecture.from(
                        "com.logishift.support.faq.service.VoteService", "com.logishift.support.faq.rest.VoteView"))
                .except("FaqEntryView.Translation built by FaqReadService", ServiceArchitecture.fromAny(
                        "com.logishift.support.faq.service.FaqReadService", "com.logishift.support.faq.rest.FaqEntryView"))
                .check();
    }
}
