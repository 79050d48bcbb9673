package com.logishift.support.ticket;

import java.util.Optional;
import java.util.Set;

/** The caller's role, from the verified token's {@code groups} claim. */
public enum Role {
    CUSTOMER("customer"),
    AGENT("agent"),
    ADMIN("admin");

    private final String group;

    Role(String group) {
        this.group = group;
    }

    public String group() {
        return group;
    }

    public boolean isStaff() {
        return this != CUSTOMER;
    }

    /** Admin wins if a token somehow carries several groups. */
    public static Optional<Role> fromGroups(Set<String> groups) {
        for (Role role : new Role[] {ADMIN, AGENT, CUSTOMER}) {
            if (groups.contains(role.group)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
