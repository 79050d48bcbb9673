package com.logishift.support.notification;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the rules need to know about people, from support.account-events: the approved agents, the
 * admins, and display names.
 */
public record Directory(Set<UUID> approvedAgents, Set<UUID> admins, Map<UUID, String> names) {

    public String nameOf(UUID id, String fallback) {
        String name = id == null ? null : names.get(id);
        return name == null || name.isBlank() ? fallback : name;
    }
}
