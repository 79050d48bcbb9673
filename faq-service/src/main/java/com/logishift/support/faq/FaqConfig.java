package com.logishift.support.faq;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Typed configuration of faq-service; every key can be set by environment variable. */
@ConfigMapping(prefix = "support.faq")
public interface FaqConfig {

    /** Shown for a topic that has no published version in the requested language; env SUPPORT_FAQ_FALLBACK_LANGUAGE. */
    @WithDefault("en")
    String fallbackLanguage();

    /** Longest accepted search text in characters (code points); longer ones get 400. */
    @WithDefault("" + SearchText.DEFAULT_MAX_LENGTH)
    int maxQueryLength();
}
