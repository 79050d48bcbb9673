package com.logishift.support.faq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopicKeysTest {

    @Test
    void wordsOfTheQuestionInLowerCaseJoinedByDashes() {
        assertEquals("my-parcel-arrived-damaged-or-broken-what-should-i-do",
                TopicKeys.slug("My parcel arrived damaged or broken. What should I do?"));
        assertEquals("mein-paket-ist-beschaedigt-gross", TopicKeys.slug("Mein Paket ist beschädigt – groß!"));
        assertEquals("mon-colis-est-arrive-endommage", TopicKeys.slug("  Mon colis est arrivé endommagé ?"));
        assertEquals("topic", TopicKeys.slug("???"));
        assertEquals("topic", TopicKeys.slug("包裹在哪里"));
    }

    @Test
    void longQuestionsAreCutAtAWordBoundary() {
        String slug = TopicKeys.slug("word ".repeat(40) + "end");
        assertTrue(slug.length() <= TopicKeys.MAX_BASE_LENGTH, slug);
        assertTrue(slug.endsWith("word") && !slug.contains("--"), slug);
        String oneLongWord = TopicKeys.slug("x".repeat(300));
        assertEquals(TopicKeys.MAX_BASE_LENGTH, oneLongWord.length());
    }

    @Test
    void aTakenKeyGetsTheFirstFreeNumber() {
        assertEquals("lost-parcel", TopicKeys.firstFree("lost-parcel", Set.of("lost-parcel-2")));
        assertEquals("lost-parcel-3", TopicKeys.firstFree("lost-parcel", List.of("lost-parcel", "lost-parcel-2")));
        String keyOfMaxLength = TopicKeys.firstFree("x".repeat(60), Set.of("x".repeat(60)));
        assertTrue(keyOfMaxLength.matches("^[a-z0-9]+(-[a-z0-9]+)*$") && keyOfMaxLength.length() <= 80);
    }
}
