package com.logishift.support.ticket.attachment;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import lombok.RequiredArgsConstructor;

/** Bytes in PostgreSQL (bytea, table attachment_content): fine for ≤ 10 MiB files and one database to back up. */
@ApplicationScoped
@RequiredArgsConstructor
public class DatabaseAttachmentStore implements AttachmentStore {

    private final Pool pool;

    @Override
    public Uni<Void> put(UUID id, byte[] content) {
        return pool.preparedQuery("INSERT INTO attachment_content (id, content) VALUES ($1, $2)")
                .execute(Tuple.of(id, io.vertx.core.buffer.Buffer.buffer(content))).replaceWithVoid();
    }

    @Override
    public Uni<byte[]> get(UUID id) {
        return pool.preparedQuery("SELECT content FROM attachment_content WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getBuffer("content").getBytes());
    }

    @Override
    public Uni<Void> delete(UUID id) {
        return pool.preparedQuery("DELETE FROM attachment_content WHERE id = $1").execute(Tuple.of(id)).replaceWithVoid();
    }
}
