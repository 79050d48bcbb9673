package com.logishift.support.ticket.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Hostile and ordinary mails as the parser reads them. */
class MailParserTest {

    @Test
    void aReplyCarriesItsHeadersSenderAndText() throws Exception {
        InboundMail mail = Mails.parse("replies/gmail-de.eml");
        assertEquals("<CAJx9Lq+gmail-de-1@mail.gmail.com>", mail.key());
        assertEquals("juergen@example.de", mail.sender());
        assertEquals("Jürgen Müller", mail.senderName());
        assertEquals("AW: [SUP-000123] Beschädigte Vase", mail.subject());
        assertEquals("<t-0b6f1c7e-3d1a-4c55-9a51-1f0d8c2e7a10.m-11@support.logishift.local>", mail.inReplyTo());
        assertNull(mail.automatic());
    }

    @Test
    void subjectsInOddCharsetsAreDecodedAndUnknownOnesSurvive() throws Exception {
        InboundMail mail = Mails.parse("odd-charsets.eml");
        assertTrue(mail.subject().startsWith("Привет"), mail.subject());
        assertTrue(mail.subject().contains("テスト"), mail.subject());
        assertTrue(mail.subject().endsWith("[SUP-000123]"), mail.subject());
        assertEquals("renee@example.com", mail.sender());
        assertEquals("Renée “Customer”", mail.senderName());
        assertTrue(mail.text().startsWith("caf"), mail.text()); // unknown body charset read as UTF-8
    }

    @Test
    void nulAndControlCharactersAreRemoved() throws Exception {
        InboundMail mail = Mails.parse("nul-bytes.eml");
        assertEquals("beforeafter  reversed bell", mail.text());
        assertFalse(mail.subject().contains("\u0000"));
    }

    @Test
    void brokenMimeIsUnreadableNotACrash() {
        assertThrows(MailParser.Unreadable.class, () -> Mails.parse("broken-mime.eml"));
    }

    @Test
    void severalFromAddressesLeaveNoSender() throws Exception {
        assertNull(Mails.parse("from-several.eml").sender());
        assertNull(Mails.parseRaw("Message-ID: <a@b>\r\nSubject: x\r\n\r\nno from at all\r\n").sender());
        assertNull(Mails.parseRaw("From: a@b.example\r\nFrom: c@d.example\r\nSubject: x\r\n\r\ntwo From headers\r\n")
                .sender());
        assertNull(Mails.parseRaw("From: \"weird\"@b.example\r\nSubject: x\r\n\r\nquoted local part\r\n").sender());
        assertNull(Mails.parseRaw("From: list: a@b.example, c@d.example;\r\nSubject: x\r\n\r\ngroup\r\n").sender());
    }

    @Test
    void theDisplayNameNeverCountsAsTheAddress() throws Exception {
        InboundMail mail = Mails.parse("from-display-trick.eml");
        assertEquals("evil@example.net", mail.sender());
    }

    @Test
    void attachmentsKeepTheirBytesAndName() throws Exception {
        InboundMail mail = Mails.parse("photo-reply.eml");
        assertEquals("Here is the photo.", mail.text());
        assertEquals(1, mail.files().size());
        assertEquals("vase.png", mail.files().get(0).filename());
        assertArrayEquals(Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="),
                mail.files().get(0).content());
    }

    @Test
    void aTenMegabyteBodyIsCutToTheMessageLimit() throws Exception {
        String body = "line of text\n".repeat(10 * 1024 * 1024 / 13);
        InboundMail mail = Mails.parseRaw("From: anna.customer@example.com\r\nMessage-ID: <big@example.com>\r\n"
                + "Content-Type: text/plain\r\n\r\n" + body);
        assertTrue(mail.text().length() <= MailParser.MAX_TEXT, "length " + mail.text().length());
        assertTrue(mail.text().startsWith("line of text"));
    }

    @Test
    void deepNestingAndManyPartsAreBounded() throws Exception {
        StringBuilder raw = new StringBuilder("From: anna.customer@example.com\r\nMessage-ID: <deep@example.com>\r\n");
        int depth = 50;
        for (int i = 0; i < depth; i++) {
            raw.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\r\n\r\n--b").append(i)
                    .append("\r\n");
        }
        raw.append("Content-Type: text/plain\r\n\r\ntoo deep\r\n");
        for (int i = depth - 1; i >= 0; i--) {
            raw.append("--b").append(i).append("--\r\n");
        }
        InboundMail mail = Mails.parseRaw(raw.toString());
        assertEquals("", mail.text()); // below MAX_DEPTH nothing is read
        StringBuilder many = new StringBuilder("From: anna.customer@example.com\r\nMessage-ID: <many@example.com>\r\n"
                + "Content-Type: multipart/mixed; boundary=\"m\"\r\n\r\n");
        for (int i = 0; i < 500; i++) {
            many.append("--m\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=f")
                    .append(i).append(".bin\r\n\r\nx\r\n");
        }
        many.append("--m--\r\n");
        assertTrue(Mails.parseRaw(many.toString()).files().size() < MailParser.MAX_PARTS);
    }

    @Test
    void aMailWithoutMessageIdIsKeyedByItsContent() throws Exception {
        String raw = "From: anna.customer@example.com\r\nSubject: x\r\n\r\nsame\r\n";
        InboundMail first = Mails.parseRaw(raw);
        assertNull(first.messageId());
        assertTrue(first.key().startsWith("sha256:"));
        assertEquals(first.key(), Mails.parseRaw(raw).key());
        assertFalse(first.key().equals(Mails.parseRaw(raw.replace("same", "other")).key()));
    }

    @Test
    void machinesAreRecognised() throws Exception {
        assertEquals("Auto-Submitted: auto-replied", Mails.parse("out-of-office.eml").automatic());
        assertNotNull(Mails.parse("bounce.eml").automatic());
        String person = "From: anna.customer@example.com\r\nMessage-ID: <p@example.com>\r\n";
        assertNull(Mails.parseRaw(person + "Auto-Submitted: no\r\n\r\nhi\r\n").automatic());
        assertNotNull(Mails.parseRaw(person + "Precedence: bulk\r\n\r\nhi\r\n").automatic());
        assertNotNull(Mails.parseRaw(person + "Precedence: list\r\n\r\nhi\r\n").automatic());
        assertNotNull(Mails.parseRaw(person + "Precedence: junk\r\n\r\nhi\r\n").automatic());
        assertNotNull(Mails.parseRaw(person + "X-Autoreply: yes\r\n\r\nhi\r\n").automatic());
        assertNotNull(Mails.parseRaw(person + "Auto-Submitted: auto-generated (vacation)\r\n\r\nhi\r\n").automatic());
        assertNotNull(Mails.parseRaw("From: postmaster@example.com\r\n\r\nhi\r\n").automatic());
        assertNotNull(Mails.parseRaw("From: Mailer-Daemon@example.com\r\n\r\nhi\r\n").automatic());
        assertNotNull(Mails.parseRaw(person + "Content-Type: multipart/report; boundary=x\r\n\r\n--x--\r\n").automatic());
    }

    @Test
    void cleanKeepsEmojiAndDropsLoneSurrogates() {
        assertEquals("ok 👍 x", MailParser.clean("ok 👍 \uD800x", 100));
        assertEquals("ab", MailParser.clean("a\u202Eb", 100));
        assertEquals("a\n\tb", MailParser.clean("a\r\n\tb", 100));
        assertEquals(new String("ab".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8),
                MailParser.clean("ab👍", 3));
    }
}
