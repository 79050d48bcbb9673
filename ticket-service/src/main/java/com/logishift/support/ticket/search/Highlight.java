package com.logishift.support.ticket.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;

/**
 * One reason a ticket was found: the field that matched ({@code reference}, {@code subject},
 * {@code description}, {@code message} with its {@code messageId}, {@code deliveryId}, and for staff
 * {@code customerName}, {@code customerEmail}) and a snippet of it: HTML-escaped text whose matches
 * are wrapped in {@code <mark>…</mark>}, the only markup ({@link Snippets}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Highlight(String field, UUID messageId, String snippet) {

    /** Adds the field's snippet when it has one (null: the field did not match). */
    static void add(List<Highlight> highlights, String field, String snippet) {
        if (snippet != null) {
            highlights.add(new Highlight(field, null, snippet));
        }
    }
}
