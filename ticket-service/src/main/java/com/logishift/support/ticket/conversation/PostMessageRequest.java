package com.logishift.support.ticket.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Pattern;

/**
 * {@code {body, visibility?, attachmentIds?, clientMessageId?}}. The body's rules live in
 * {@link MessagePolicy}; {@code attachmentIds} is read as raw JSON ({@link AttachmentIds}).
 */
public record PostMessageRequest(
        String body,
        Visibility visibility,
        JsonNode attachmentIds,
        @Pattern(regexp = "^[A-Za-z0-9._:-]{1,100}$", message = "must be 1 to 100 of A-Z a-z 0-9 . _ : -")
        String clientMessageId) {
}
