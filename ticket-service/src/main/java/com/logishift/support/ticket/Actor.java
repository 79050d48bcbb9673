package com.logishift.support.ticket;

import java.util.UUID;

/** Who is making a request: the verified token's subject, role and display name. */
public record Actor(UUID id, Role role, String name, String email) {

    public boolean is(Role expected) {
        return role == expected;
    }
}
