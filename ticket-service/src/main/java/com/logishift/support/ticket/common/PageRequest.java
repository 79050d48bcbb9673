package com.logishift.support.ticket.common;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * {@code ?page=&size=} for every list endpoint; bounded so no request can ask for everything.
 * Read as text: JAX-RS would answer a non-number in an int parameter with a misleading 404.
 */
public class PageRequest {

    public static final int MAX_SIZE = 100;

    @QueryParam("page")
    @DefaultValue("0")
    String page;

    @QueryParam("size")
    @DefaultValue("20")
    String size;

    /** The page, counted from 0; 400 naming {@code page} when it is not a whole number ≥ 0. */
    public int page() {
        return parse("page", page, 0, Integer.MAX_VALUE / MAX_SIZE, "must be a whole number, 0 or more");
    }

    /** Items per page; 400 naming {@code size} unless 1 to {@value #MAX_SIZE}. */
    public int size() {
        return parse("size", size, 1, MAX_SIZE, "must be between 1 and " + MAX_SIZE);
    }

    private static int parse(String field, String value, int min, int max, String message) {
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalidField(field, message);
    }
}
