package com.logishift.support.ticket.support;

import com.logishift.support.kit.security.CachingJwtParser;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** Switches the kit's thread-recording token parser on for this service's tests. */
@Alternative
@Priority(2)
@Singleton
public class RecordingJwtParser extends com.logishift.support.kit.test.ThreadRecordingJwtParser {

    @Inject
    public RecordingJwtParser(CachingJwtParser.Config config) {
        super(config);
    }
}
