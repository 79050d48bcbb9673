package com.logishift.support.ticket.attachment;

import io.smallrye.mutiny.Uni;
import java.util.UUID;

/**
 * Where the bytes of a file live, by attachment id; the metadata stays in the attachment table.
 * Today PostgreSQL ({@link DatabaseAttachmentStore}); an object store can take its place.
 */
public interface AttachmentStore {

    Uni<Void> put(UUID id, byte[] content);

    /** The bytes, or null when there are none for this id. */
    Uni<byte[]> get(UUID id);

    /** Deleting what is not there is fine. */
    Uni<Void> delete(UUID id);
}
