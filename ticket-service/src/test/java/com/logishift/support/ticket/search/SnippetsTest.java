package com.logishift.support.ticket.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.logishift.support.kit.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The snippet markup and the reading of q, without a database. */
class SnippetsTest {

    @Test
    void aHeadlineIsEscapedFirstAndMarkedAfter() {
        assertEquals("&lt;b&gt;<mark>zebra</mark>&lt;/b&gt; &amp; &quot;&#39;",
                Snippets.fromHeadline("\uE000b\uE001\u0001zebra\u0002\uE000/b\uE001 & \"'"));
        assertEquals("&lt;mark&gt;x&lt;/mark&gt; <mark>y</mark>", Snippets.fromHeadline("<mark>x</mark> \u0001y\u0002"));
        // nothing marked: the field did not match
        assertNull(Snippets.fromHeadline("no match here"));
        assertNull(Snippets.fromHeadline(null));
    }

    @Test
    void identifiersAreMarkedWithoutCaseAndAccents() {
        assertEquals("DLV-2025-<mark>777777</mark>", Snippets.marking("DLV-2025-777777", List.of("777777")));
        assertEquals("<mark>SUP-000123</mark>", Snippets.marking("SUP-000123", List.of("sup-000123")));
        assertEquals("J\u00fcrgen <mark>M\u00fcller</mark>", Snippets.marking("J\u00fcrgen M\u00fcller", List.of("muller")));
        // overlapping and repeated pieces become one mark each run
        assertEquals("<mark>abcd</mark>-<mark>ab</mark>", Snippets.marking("abcd-ab", List.of("abc", "bcd", "ab")));
        assertEquals("&lt;<mark>ab</mark>&gt;", Snippets.marking("<ab>", List.of("ab")));
        assertNull(Snippets.marking("DLV-1", List.of("777")));
        assertNull(Snippets.marking(null, List.of("777")));
        assertNull(Snippets.marking("x", List.of()));
    }

    @Test
    void qIsTrimmedAndTwoTo200Characters() {
        assertEquals("ab", SearchQuery.text("  ab \n"));
        assertEquals("\uD83D\uDCE6".repeat(200), SearchQuery.text("\uD83D\uDCE6".repeat(200)));
        for (String bad : new String[] {null, "", "   ", "a", " a ", "x".repeat(201), "\uD83D\uDCE6".repeat(201)}) {
            ProblemException e = assertThrows(ProblemException.class, () -> SearchQuery.text(bad));
            assertEquals("q", e.problem().errors().get(0).field());
        }
    }

    @Test
    void piecesAreTheWordsThatMayBePartOfAnIdentifier() {
        assertEquals(List.of("dlv-2025-777777", "broken", "müller"),
                SearchQuery.pieces("DLV-2025-777777 broken \"Müller\" or ab -x"));
        assertEquals(5, SearchQuery.pieces("aaa bbb ccc ddd eee fff ggg").size());
        SearchQuery q = SearchQuery.of("SUP-000123 parcel 777", java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty());
        assertEquals(List.of("sup-000123", "777"), q.codes());
    }

    @Test
    void likeWildcardsInPiecesMatchOnlyThemselves() {
        assertEquals("%a\\%b\\_c\\\\d%", SearchQuery.contains("a%b_c\\d"));
        assertEquals(List.of("%x%", "%\\%\\%%"), SearchQuery.patterns(List.of("x", "%%")));
    }
}
