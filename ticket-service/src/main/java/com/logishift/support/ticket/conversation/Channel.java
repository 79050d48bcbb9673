package com.logishift.support.ticket.conversation;

/** Where a message came in; the web UI and its API posts are WEB. */
public enum Channel {
    WEB,
    EMAIL,
    API
}
