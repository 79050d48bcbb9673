package com.logishift.support.kit;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * {@code ?page=&size=} of every list endpoint; bounded so that no request can ask for everything.
 * Read as text and checked here (no {@code @Valid} needed), so that {@code size=abc} is a 400 naming
 * {@code size} (JAX-RS would turn a failed number conversion of a query parameter into a 404).
 */
public class PageRequest {

    public static final int MAX_SIZE = 100;
    /** Deep enough for any real browsing; keeps OFFSET (and its cost) bounded. */
    public static final int MAX_PAGE = 10_000;

    @QueryParam("page")
    @DefaultValue("0")
    @Parameter(description = "0-based page number, at most 10000",
            schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0"))
    public String page;

    @QueryParam("size")
    @DefaultValue("20")
    @Parameter(description = "page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20"))
    public String size;

    /** The page, counted from 0; 400 naming {@code page} unless 0 to {@value #MAX_PAGE}. */
    public int page() {
        return parse("page", page, 0, MAX_PAGE);
    }

    /** Items per page; 400 naming {@code size} unless 1 to {@value #MAX_SIZE}. */
    public int size() {
        return parse("size", size, 1, MAX_SIZE);
    }

    public long offset() {
        return (long) page() * size();
    }

    private static int parse(String field, String value, int min, int max) {
        // digits only: no sign, blank, decimal point or exponent; at most 5 digits, so no overflow
        if (value != null && value.matches("[0-9]{1,5}")) {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        }
        throw ProblemException.invalidField(field, "must be a whole number between " + min + " and " + max);
    }
}
