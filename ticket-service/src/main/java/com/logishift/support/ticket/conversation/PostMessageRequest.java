package com.logishift.support.ticket.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code {body, visibility?, attachmentIds?, clientMessageId?}}. The body's rules live in
 * {@link MessagePolicy}; {@code attachmentIds} is read as raw JSON ({@link AttachmentIds}).
 */
public record PostMessageRequest(
        String body,
        Visibility visibility,
        @Schema(type = SchemaType.ARRAY, implementation = UUID.class, 
                description = "up to 10 of the caller's own uploads (POST /api/support/attachments/)")
        JsonNode attachmentIds,
        @Pattern(regexp = "^[A-Za-z0-9._:-]{1,100}$", message = "must be 1 to 100 of A-Z a-z 0-9 . _ : -")
        String clientMessageId) {
}
