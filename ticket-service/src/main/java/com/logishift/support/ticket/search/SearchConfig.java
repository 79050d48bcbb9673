package com.logishift.support.ticket.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Search (SUPPORT_SEARCH_WINDOW). */
@ConfigMapping(prefix = "support.search")
public interface SearchConfig {

    /**
     * How many of the newest matches each part of a search (ticket text, messages, identifiers) ranks.
     * Bounds the work of a word that is in half of all tickets; more matches than this set
     * {@code totalCapped}.
     */
    @WithDefault("2000")
    int window();
}
