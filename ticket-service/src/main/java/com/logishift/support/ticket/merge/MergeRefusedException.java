package com.logishift.support.ticket.merge;

import com.logishift.support.ticket.rest.ConflictProblem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A merge the tickets' state does not allow: 409 {@code merge-not-allowed} with the extension member
 * {@code reason} (a {@link MergeRules.Reason}) for clients to switch on.
 */
public class MergeRefusedException extends RuntimeException {

    public static final String TYPE = "https://support.logishift.com/problems/merge-not-allowed";

    private final MergeRules.Reason reason;

    public MergeRefusedException(MergeRules.Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public MergeRules.Reason reason() {
        return reason;
    }

    /** The kit's problem document plus {@code reason}; a client's mistake, so nothing is logged. */
    public static class Mapper {

        @ServerExceptionMapper
        public Response refused(MergeRefusedException e, UriInfo uri) {
            return ConflictProblem.of(TYPE, e.getMessage(), uri, "reason", e.reason().name());
        }
    }
}
