package com.logishift.support.ticket.conversation;

import com.logishift.support.kit.DomainProblem;

/** A conversation rule refused the request with a status the kit has no factory for (413, …). */
public class ConversationProblem extends RuntimeException implements DomainProblem {

    private final int status;
    private final String slug;

    public ConversationProblem(int status, String slug, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
    }

    public static ConversationProblem tooManyAttachments(int max) {
        return new ConversationProblem(413, "too-many-attachments", "At most " + max + " files per message.");
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String slug() {
        return slug;
    }
}
