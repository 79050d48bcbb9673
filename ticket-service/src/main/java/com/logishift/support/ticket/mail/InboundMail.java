package com.logishift.support.ticket.mail;

import java.util.List;

/**
 * A mail from the support mailbox as the intake acts on it (see {@link MailParser}).
 *
 * @param key         its Message-ID, or a hash of the mail when it has none (the de-duplication key)
 * @param sender      the one From address, lower-case; null when From is missing, unparseable or lists several
 * @param senderName  the From display name (cleaned), may be null
 * @param automatic   why a machine sent it (see {@link AutomaticMail}), null when a person did
 * @param text        the new text: plain (HTML converted), quoted history and signature cut off, cleaned
 * @param files       attachments and inline images, in the mail's order
 */
record InboundMail(String key, String messageId, String sender, String senderName, String subject, String inReplyTo,
        String references, String automatic, String text, List<File> files) {

    record File(String filename, byte[] content) {
    }
}
