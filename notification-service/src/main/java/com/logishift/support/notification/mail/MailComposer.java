package com.logishift.support.notification.mail;

import io.quarkus.mailer.Mail;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import lombok.RequiredArgsConstructor;

/**
 * Turns a queued mail into the message sent: subject, plain text and HTML from the Qute templates
 * {@code templates/mail/<kind>.<language>.txt|html} (the subject is the text template's
 * {@code subject} fragment), and the headers — our Message-ID, In-Reply-To/References to the first
 * mail about the ticket to that person, Reply-To, and the RFC 8058 one-click unsubscribe.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class MailComposer {

    /** The fields a template may read from the queued data; absent ones are empty. */
    private static final String[] DATA_FIELDS = {"subject", "authorName", "body"};

    private final Engine engine;
    private final MailConfig config;
    private final UnsubscribeTokens tokens;

    /** What the sender read from mail_outbox. */
    public record Queued(UUID id, MailKind kind, UUID recipientId, String toAddress, String toName, String language,
            UUID ticketId, String reference, String messageId, String threadId, Map<String, String> data) {
    }

    public Mail compose(Queued mail) {
        String unsubscribe = unsubscribeUrl(mail.recipientId(), mail.kind());
        Map<String, Object> values = new HashMap<>();
        for (String field : DATA_FIELDS) {
            values.put(field, Objects.requireNonNullElse(mail.data().get(field), ""));
        }
        values.put("name", mail.toName() == null || mail.toName().isBlank() ? "" : mail.toName());
        values.put("reference", mail.reference());
        values.put("ticketUrl", base() + "/tickets/" + mail.ticketId());
        values.put("preferencesUrl", base() + "/preferences");
        values.put("unsubscribeUrl", unsubscribe);
        String language = "de".equals(mail.language()) ? "de" : "en";
        values.put("lang", language);
        String name = "mail/" + mail.kind().template + "." + language;
        Template text = template(name + ".txt");
        String subject = oneLine(with(text.getFragment("subject").instance(), values).render());
        Mail message = new Mail()
                .addTo(mail.toAddress())
                .setFrom(config.from())
                .setReplyTo(config.from())
                .setSubject(subject)
                // the subject fragment leaves an empty first line
                .setText(with(text.instance(), values).render().stripLeading())
                .setHtml(with(template(name + ".html").instance(), values).render())
                .addHeader("Message-ID", mail.messageId())
                .addHeader("List-Unsubscribe", "<" + unsubscribe + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
                // a notification, not a person writing: auto-responders must not answer it (RFC 3834)
                .addHeader("Auto-Submitted", "auto-generated");
        if (mail.threadId() != null && !mail.threadId().equals(mail.messageId())) {
            message.addHeader("In-Reply-To", mail.threadId()).addHeader("References", mail.threadId());
        }
        return message;
    }

    public String unsubscribeUrl(UUID accountId, MailKind kind) {
        return base() + "/api/notifications/unsubscribe/?token="
                + URLEncoder.encode(tokens.issue(accountId, kind), StandardCharsets.UTF_8);
    }

    private String base() {
        String url = config.publicUrl();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private Template template(String id) {
        Template template = engine.getTemplate(id);
        if (template == null) {
            throw new IllegalStateException("No mail template " + id);
        }
        return template;
    }

    private static TemplateInstance with(TemplateInstance instance, Map<String, Object> values) {
        values.forEach(instance::data);
        return instance;
    }

    /** A header line: the ticket's subject may hold line breaks or run long. */
    private static String oneLine(String subject) {
        String line = subject.replaceAll("\\s+", " ").strip();
        return line.length() <= 200 ? line : line.substring(0, 199) + "…";
    }
}
