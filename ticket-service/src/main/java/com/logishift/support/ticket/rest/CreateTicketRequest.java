package com.logishift.support.ticket.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.logishift.support.ticket.Category;
import com.logishift.support.ticket.Priority;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code {subject, category, description, priority?, deliveryId?, followUpOf?, attachmentIds?}};
 * {@code attachmentIds} is read as raw JSON so each malformed shape is answered on that field.
 */
public record CreateTicketRequest(
        @NotBlank(message = "is required") @Size(min = 3, max = 200, message = "must be 3 to 200 characters")
        String subject,
        @NotNull(message = "is required")
        Category category,
        @NotBlank(message = "is required") @Size(max = 10_000, message = "must be at most 10000 characters")
        String description,
        Priority priority,
        @Size(max = 64, message = "must be at most 64 characters")
        @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._:/-]*$", message = "must be a delivery reference (letters, digits, . _ : / -)")
        String deliveryId,
        String followUpOf,
        @Schema(type = SchemaType.ARRAY, implementation = UUID.class, 
                description = "up to 10 of the caller's own uploads (POST /api/support/attachments/)")
        JsonNode attachmentIds) {

    /** The seed's five fields. */
    public CreateTicketRequest(String subject, Category category, String description, Priority priority,
            String deliveryId) {
        this(subject, category, description, priority, deliveryId, null, null);
    }
}
