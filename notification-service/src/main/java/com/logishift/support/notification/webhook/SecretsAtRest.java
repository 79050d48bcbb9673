package com.logishift.support.notification.webhook;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jboss.logging.Logger;

/**
 * At start, every stored endpoint secret is made readable under the current key: plaintext ones (from
 * before encryption) are encrypted, ones under a previous key re-encrypted, so the plaintext is gone
 * from the table and an old key can be dropped after one start. Each row is rewritten only if it still
 * holds what was read (a rotation meanwhile wins), so replicas starting together do no harm, and a
 * second start finds nothing to do. A secret no configured key opens stops the start: the key is wrong.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class SecretsAtRest {

    private static final Logger LOG = Logger.getLogger(SecretsAtRest.class);
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Pool pool;
    private final SecretBox box;

    // before the dispatcher's first run, which reads the secrets (it also reads plaintext ones)
    void start(@Observes @Priority(10) StartupEvent start) {
        int rewritten = reseal();
        if (rewritten > 0) {
            LOG.infof("Encrypted %d webhook endpoint secrets under the current key", rewritten);
        }
    }

    /** Rewrites the rows not yet under the current key; answers how many were rewritten. */
    int reseal() {
        List<Row> stale = new ArrayList<>();
        pool.query("SELECT id, secret, previous_secret FROM webhook_endpoint").execute().await().atMost(WAIT)
                .forEach(row -> {
                    UUID id = row.getUUID("id");
                    // opening every one also checks the key: a wrong key fails here, loudly, not at delivery
                    box.open(id, row.getString("secret"));
                    box.open(id, row.getString("previous_secret"));
                    if (!box.current(row.getString("secret")) || !box.current(row.getString("previous_secret"))) {
                        stale.add(row);
                    }
                });
        return Multi.createFrom().iterable(stale).onItem().transformToUniAndConcatenate(row -> {
            UUID id = row.getUUID("id");
            String secret = row.getString("secret");
            String previous = row.getString("previous_secret");
            return pool.preparedQuery("""
                            UPDATE webhook_endpoint SET secret = $4, previous_secret = $5
                             WHERE id = $1 AND secret = $2 AND previous_secret IS NOT DISTINCT FROM $3""")
                    .execute(Tuple.of(id, secret, previous, reseal(id, secret), reseal(id, previous)))
                    .map(rows -> rows.rowCount());
        }).collect().asList().await().atMost(WAIT).stream().mapToInt(Integer::intValue).sum();
    }

    private String reseal(UUID id, String stored) {
        return stored == null || box.current(stored) ? stored : box.seal(id, box.open(id, stored));
    }
}
