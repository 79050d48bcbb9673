package com.logishift.support.faq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void requestedTagsBecomeTwoLetterCodes() {
        assertEquals(Optional.of("de"), Language.fromTag("de"));
        assertEquals(Optional.of("de"), Language.fromTag("de-CH"));
        assertEquals(Optional.of("fr"), Language.fromTag(" FR "));
        assertEquals(Optional.of("pt"), Language.fromTag("pt_BR"));
        assertEquals(Optional.of("zh"), Language.fromTag("zh-Hant-TW"));
    }

    @Test
    void anythingElseIsNotALanguage() {
        for (String bad : List.of("", "e", "eng", "english", "12", "d3", "de-", "de--CH", "../en", "en;drop",
                "de-CH-123456789", "ä")) {
            assertFalse(Language.fromTag(bad).isPresent(), bad);
        }
        assertFalse(Language.fromTag(null).isPresent());
    }

    @Test
    void storedCodesAreTwoLowerCaseLetters() {
        assertTrue(Language.isCode("en"));
        assertFalse(Language.isCode("EN"));
        assertFalse(Language.isCode("de-CH"));
        assertFalse(Language.isCode(null));
    }

    @Test
    void aTopicIsShownInTheRequestedLanguageElseInTheFallback() {
        assertEquals(Optional.of("fr"), Language.choose("fr", "en", Set.of("en", "de", "fr")));
        assertEquals(Optional.of("en"), Language.choose("fr", "en", Set.of("en", "de")));
        assertEquals(Optional.of("de"), Language.choose("de", "en", Set.of("de")));
        // a topic only in German is not shown to French readers: English is the only fallback
        assertEquals(Optional.empty(), Language.choose("fr", "en", Set.of("de")));
        assertEquals(List.of("en"), Language.preference("en", "en"));
        assertEquals(List.of("fr", "en"), Language.preference("fr", "en"));
    }
}
