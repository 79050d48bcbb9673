package com.logishift.support.kit;

/**
 * Implemented by a service's own domain exceptions so that {@link ProblemMappers} can answer them
 * as problem+json without the kit knowing them: the exception says its status and stable type slug,
 * its message is the detail.
 */
public interface DomainProblem {

    /** The HTTP status, e.g. 403 or 409. */
    int status();

    /** The last segment of the problem {@code type} URI, e.g. {@code ticket-closed}. */
    String slug();

    /** The human detail. */
    String getMessage();
}
