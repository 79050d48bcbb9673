package com.logishift.support.kit;

import java.util.UUID;

/** Parses ids from paths and tokens with a 400 naming the field instead of a 500 or a 404. */
public final class Ids {

    private Ids() {
    }

    public static UUID parse(String field, String value) {
        try {
            if (value != null && value.length() == 36) {
                return UUID.fromString(value);
            }
        } catch (IllegalArgumentException e) {
            // fall through to the problem below
        }
        throw ProblemException.invalidField(field, "must be a UUID");
    }
}
