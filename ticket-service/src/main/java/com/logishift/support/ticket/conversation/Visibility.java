package com.logishift.support.ticket.conversation;

/** Who may read a message: everyone on the ticket, or agents and admins only. */
public enum Visibility {
    PUBLIC,
    INTERNAL
}
