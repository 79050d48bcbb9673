package com.logishift.support.notification.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/** Switches the kit's thread-recording token parser on for this service's tests. */
@Alternative
@Priority(1)
@ApplicationScoped
public class RecordingJwtParser extends com.logishift.support.kit.test.ThreadRecordingJwtParser {
}
