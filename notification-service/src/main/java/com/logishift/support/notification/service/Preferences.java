package com.logishift.support.notification.service;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * In-app on/off per person and kind. A kind switched off is not stored for the person (personal
 * notifications) and not shown or counted (feed entries are filtered when read, in the inbox_entry
 * view). No row means on.
 */
@ApplicationScoped
public class Preferences {

    private final Pool pool;
    private final Clock clock;

    public Preferences(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** In-app on/off for each of the given kinds (the ones the person can receive). */
    public Uni<Map<String, Boolean>> inApp(UUID person, Set<String> kinds) {
        return pool.preparedQuery("SELECT kind, in_app FROM preference WHERE account_id = $1").execute(Tuple.of(person))
                .map(rows -> {
                    Map<String, Boolean> settings = new TreeMap<>();
                    kinds.forEach(kind -> settings.put(kind, true));
                    rows.forEach(row -> settings.computeIfPresent(row.getString("kind"), (k, v) -> row.getBoolean("in_app")));
                    return settings;
                });
    }

    /** Sets the kinds named (already checked against what the person can receive); others keep their setting. */
    public Uni<Map<String, Boolean>> update(UUID person, Set<String> kinds, Map<String, Boolean> changes) {
        String[] names = changes.keySet().toArray(String[]::new);
        Boolean[] values = new Boolean[names.length];
        for (int i = 0; i < names.length; i++) {
            values[i] = changes.get(names[i]);
        }
        return pool.preparedQuery("""
                        INSERT INTO preference (account_id, kind, in_app, updated_at)
                        SELECT $1, p.kind, p.in_app, $4 FROM unnest($2::text[], $3::bool[]) AS p (kind, in_app)
                        ON CONFLICT (account_id, kind) DO UPDATE SET in_app = EXCLUDED.in_app, updated_at = EXCLUDED.updated_at""")
                .execute(Tuple.tuple().addUUID(person).addArrayOfString(names).addArrayOfBoolean(values)
                        .addOffsetDateTime(clock.instant().atOffset(ZoneOffset.UTC)))
                .flatMap(ignored -> inApp(person, kinds));
    }
}
