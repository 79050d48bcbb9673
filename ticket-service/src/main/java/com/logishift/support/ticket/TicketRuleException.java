package com.logishift.support.ticket;

import com.logishift.support.kit.DomainProblem;

/** A request that breaks a ticket rule: a conflict with the ticket's state, or not this caller's to do. */
public class TicketRuleException extends RuntimeException implements DomainProblem {

    public enum Kind {
        /** 409: the ticket's current state does not allow it */
        CONFLICT,
        /** 403: the caller's role or relation to the ticket does not allow it */
        FORBIDDEN
    }

    private final Kind kind;
    private final String slug;

    public TicketRuleException(Kind kind, String slug, String message) {
        super(message);
        this.kind = kind;
        this.slug = slug;
    }

    public Kind kind() {
        return kind;
    }

    /** 403 for FORBIDDEN, 409 for CONFLICT: answered as problem+json by the service kit. */
    @Override
    public int status() {
        return kind == Kind.FORBIDDEN ? 403 : 409;
    }

    /** Stable machine-readable name of the rule, used in the problem type. */
    @Override
    public String slug() {
        return slug;
    }

    static TicketRuleException conflict(String slug, String message) {
        return new TicketRuleException(Kind.CONFLICT, slug, message);
    }

    static TicketRuleException forbidden(String slug, String message) {
        return new TicketRuleException(Kind.FORBIDDEN, slug, message);
    }
}
