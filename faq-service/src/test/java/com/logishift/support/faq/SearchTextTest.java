package com.logishift.support.faq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void controlCharactersAndRunsOfSpaceBecomeOneSpace() {
        assertEquals("broken parcel", SearchText.normalize("  broken\u0000\t\n parcel\r\n"));
        assertEquals("a b", SearchText.normalize("a\u0007\u001b\u007f\u0085b"));
        assertEquals("", SearchText.normalize("\u0000\u0000"));
        assertEquals("", SearchText.normalize(null));
    }

    @Test
    void brokenSurrogatesAreReplacedButEmojiKept() {
        assertEquals("a b", SearchText.normalize("a\uD800b"));
        assertEquals("a", SearchText.normalize("a\uDC00"));
        assertEquals("📦 parcel", SearchText.normalize("📦 parcel"));
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        assertEquals(3, SearchText.length("📦🚚💥"));
        assertEquals(5, SearchText.length("Paket"));
    }

    @Test
    void blankIsNoSearch() {
        assertTrue(SearchText.of("").isEmpty());
        assertTrue(SearchText.of(" ").isEmpty());
    }

    @Test
    void anyWordQueryJoinsDistinctWordsWithOr() {
        SearchText text = SearchText.of("My parcel arrived BROKEN, parcel!").orElseThrow();
        assertEquals("My parcel arrived BROKEN, parcel!", text.allWords());
        assertEquals("my or parcel or arrived or broken", text.anyWord());
        assertTrue(text.hasFallback());
        assertEquals(List.of(text.allWords(), text.anyWord()), text.queries());
    }

    @Test
    void anyWordQueryKeepsOutExcludedWordsOperatorsAndPunctuation() {
        assertEquals("parcel or late", SearchText.anyWordQuery("\"parcel\" OR late -damaged -\"lost item\""));
        assertEquals("", SearchText.anyWordQuery("'; -- !!! ??? :* & |"));
        assertEquals("drop or table or faq or entry",
                SearchText.anyWordQuery("'; DROP TABLE faq_entry; --"));
        assertEquals("beschädigte or pakete", SearchText.anyWordQuery("beschädigte Pakete"));
        assertEquals("lost or item or late", SearchText.anyWordQuery("\"lost item\" late -\"broken box\" -\"open"));
    }

    @Test
    void oneWordHasNoFallback() {
        assertFalse(SearchText.of("damage").orElseThrow().hasFallback());
        assertFalse(SearchText.of("📦📦📦").orElseThrow().hasFallback());
    }

    @Test
    void anyWordQueryIsBounded() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            many.append("w").append(i).append(' ');
        }
        String[] words = SearchText.anyWordQuery(many.toString().strip()).split(" or ");
        assertEquals(SearchText.MAX_WORDS, words.length);
    }

    @Test
    void negatedArrivalMeansMissingAndWhereIsAsksForTracking() {
        org.junit.jupiter.api.Assertions.assertEquals("package missing", SearchText.rephrase("package not arrived"));
        org.junit.jupiter.api.Assertions.assertEquals("my parcel missing", SearchText.rephrase("my parcel hasn't arrived"));
        org.junit.jupiter.api.Assertions.assertEquals("I missing it", SearchText.rephrase("I didn’t get it"));
        org.junit.jupiter.api.Assertions.assertEquals("shipment missing", SearchText.rephrase("shipment NEVER came"));
        org.junit.jupiter.api.Assertions.assertEquals("track delivery my package", SearchText.rephrase("Where is my package"));
        org.junit.jupiter.api.Assertions.assertEquals("deliver it on change date", SearchText.rephrase("deliver it on another day"));
        org.junit.jupiter.api.Assertions.assertEquals("arrived damaged", SearchText.rephrase("arrived damaged"));
    }
}
