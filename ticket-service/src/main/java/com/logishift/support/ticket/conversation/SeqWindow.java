package com.logishift.support.ticket.conversation;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * {@code ?after=&size=} of the thread's lists (messages, timeline): what comes after seq
 * {@code after}, at most {@code size} of it. Read as text and checked here, so that a bad value is
 * a 400 naming the parameter.
 */
public class SeqWindow {

    @QueryParam("after")
    @Parameter(description = "the last seq the caller has, 0 (default) for the start",
            schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0"))
    public String after;

    @QueryParam("size")
    @Parameter(description = "how many at most, 1 to 100", schema = @Schema(type = SchemaType.INTEGER))
    public String size;

    public int after() {
        return ConversationResource.number("after", after, 0, 0, Integer.MAX_VALUE);
    }

    /** {@code size}, or {@code fallback} where it is not given. */
    public int size(int fallback) {
        return ConversationResource.number("size", size, fallback, 1, 100);
    }
}
