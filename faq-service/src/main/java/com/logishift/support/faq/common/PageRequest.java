package com.logishift.support.faq.common;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * {@code ?page=&size=} of every list endpoint; bounded so that no request can ask for everything.
 * Read as text and checked here, so that {@code size=abc} is a 400 naming {@code size} (JAX-RS would
 * turn a failed number conversion of a query parameter into a 404).
 */
public class PageRequest {

    public static final int MAX_SIZE = 100;
    /** Deep enough for any real browsing; keeps OFFSET (and its cost) bounded. */
    public static final int MAX_PAGE = 10_000;

    @QueryParam("page")
    @DefaultValue("0")
    @Pattern(regexp = "0|[1-9][0-9]{0,3}|10000", message = "must be a whole number between 0 and " + MAX_PAGE)
    @Parameter(description = "0-based page number, at most 10000",
            schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0"))
    public String page;

    @QueryParam("size")
    @DefaultValue("20")
    @Pattern(regexp = "[1-9]|[1-9][0-9]|100", message = "must be a whole number between 1 and " + MAX_SIZE)
    @Parameter(description = "page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20"))
    public String size;

    /** After validation: the page number. */
    public int page() {
        return Integer.parseInt(page);
    }

    public int size() {
        return Integer.parseInt(size);
    }

    public long offset() {
        return (long) page() * size();
    }
}
