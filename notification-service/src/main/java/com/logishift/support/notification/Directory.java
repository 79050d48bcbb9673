package com.logishift.support.notification;

import java.util.Map;
import java.util.UUID;

/** What the rules need to know about people, from support.account-events: staff display names. */
public record Directory(Map<UUID, String> names) {

    public String nameOf(UUID id, String fallback) {
        String name = id == null ? null : names.get(id);
        return name == null || name.isBlank() ? fallback : name;
    }
}
