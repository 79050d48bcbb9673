package com.logishift.support.faq.common;

import java.util.UUID;

/** Parses ids from paths with a 400 naming the field, instead of a 404 or a 500. */
public final class Ids {

    private Ids() {
    }

    public static UUID parse(String field, String value) {
        try {
            if (value != null && value.length() == 36) {
                return UUID.fromString(value);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ProblemException.invalidField(field, "must be a UUID");
    }
}
