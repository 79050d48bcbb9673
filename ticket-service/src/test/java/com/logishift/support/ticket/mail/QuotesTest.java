package com.logishift.support.ticket.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Quoted history and signatures cut off replies written with common mail clients (fixtures in mail/replies/). */
class QuotesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            gmail-en.eml          | Hi,\\n\\nthe driver left the parcel at the neighbour's door. The box was already wet.\\nI attached nothing yet, photos follow.\\n\\nThanks,\\nAnna
            gmail-de.eml          | Hallo,\\n\\ndas Paket lag vor der Tür, der Karton war durchnässt.\\n\\nViele Grüße\\nJürgen
            outlook-en.eml        | Hello,\\n\\nThe parcel was left at the back door. Please send a replacement.\\n\\nKind regards\\nAnna Customer\\nPurchasing - Example Ltd.
            outlook-de.eml        | Guten Tag,\\n\\ndas Paket stand an der Hintertür. Bitte senden Sie Ersatz.\\n\\nMit freundlichen Grüßen\\nJürgen Müller
            apple-en.eml          | It was left at the garage. The vase is in two pieces.
            apple-de.eml          | Es lag in der Garage. Die Vase ist in zwei Teilen.\\n\\nGruß\\nJürgen
            thunderbird-en.eml    | The driver's note says "left with neighbour", but no neighbour has it.
            thunderbird-de.eml    | Laut Zettel wurde es beim Nachbarn abgegeben, der hat es aber nicht.
            gmail-html-only.eml   | The photos are attached now.\\n\\nAnna
            outlook-html-only.eml | Grüße from the back door.\\n\\nIt was raining.
            """)
    void keepsOnlyTheNewText(String fixture, String expected) throws Exception {
        assertEquals(expected.replace("\\n", "\n"), Mails.parse("replies/" + fixture).text());
    }

    @Test
    void aForwardedMailKeepsWhatWasForwarded() throws Exception {
        String text = Mails.parse("replies/forwarded-gmail.eml").text();
        assertTrue(text.startsWith("It says delivered, but nothing arrived."), text);
        assertTrue(text.contains("Your parcel DLV-2026-0042 was delivered at 16:58."), text);
    }

    @Test
    void htmlLosesScriptsStylesAndMarkup() throws Exception {
        String text = Mails.parse("replies/gmail-html-only.eml").text();
        assertFalse(text.contains("evil.example"), text);
        assertFalse(text.contains("alert"), text);
        assertFalse(text.contains("color:red"), text);
        assertFalse(text.contains("<"), text);
    }

    @Test
    void anAnswerBelowTheQuoteIsKept() {
        String text = "On Sat, Dec 5, 2026 at 10:12 AM Support <support@logishift.local> wrote:\n"
                + "> Where was it left?\n\nAt the back door.\n";
        assertEquals("At the back door.", Quotes.strip(text));
    }

    @Test
    void theCustomersOwnSentencesAboutWritingStay() {
        String text = "Am Montag schrieb mir der Fahrer:\nDas Paket ist weg.";
        assertEquals(text, Quotes.strip(text));
        String english = "On Monday the driver wrote:\nThe parcel is gone.";
        assertEquals(english, Quotes.strip(english));
    }

    @Test
    void aSignatureDelimiterCuts() {
        assertEquals("Text", Quotes.strip("Text\n-- \nAnna\nPhone 123"));
        assertEquals("Text", Quotes.strip("Text\n\nVon meinem iPhone gesendet"));
        assertEquals("Text", Quotes.strip("Text\n\nGet Outlook for Android"));
    }

    @Test
    void hugeLinesAreNotTakenForHeaders() {
        String line = "On 1 " + "x".repeat(2_000_000) + " wrote:";
        String text = line + "\nOn 1 Dec" + " a".repeat(100_000);
        // a generous guard against a pattern that backtracks (the reply-header pattern is bounded)
        String kept = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Quotes.strip(text));
        assertEquals(text, kept);
    }
}
