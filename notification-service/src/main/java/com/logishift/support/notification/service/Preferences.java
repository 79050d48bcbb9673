package com.logishift.support.notification.service;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import lombok.RequiredArgsConstructor;

/**
 * In-app and e-mail on/off per person and kind, and the language of their mails. A kind switched off
 * in the app is not stored for the person (personal notifications) and not shown or counted (feed
 * entries are filtered when read, in the inbox_entry view); switched off for e-mail, no mail of it is
 * queued. No row means on, and English.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class Preferences {

    public static final Set<String> LANGUAGES = Set.of("en", "de");

    /** One person's settings: per kind they can receive in the app, per kind they can be mailed about. */
    public record Settings(Map<String, Boolean> inApp, Map<String, Boolean> email, String language) {
    }

    /** What a PUT asks for: null where nothing changes. */
    public record Changes(Map<String, Boolean> inApp, Map<String, Boolean> email, String language) {
    }

    private final Pool pool;
    private final Clock clock;

    /** The settings for the kinds the person can receive in the app ({@code inAppKinds}) and by mail ({@code mailKinds}). */
    public Uni<Settings> of(UUID person, Set<String> inAppKinds, Set<String> mailKinds) {
        return pool.withConnection(connection -> read(connection, person, inAppKinds, mailKinds));
    }

    /** Sets what is named (already checked against what the person can receive); the rest keeps its setting. */
    public Uni<Settings> update(UUID person, Set<String> inAppKinds, Set<String> mailKinds, Changes changes) {
        return pool.withTransaction(connection -> flags(connection, person, "in_app", changes.inApp())
                .flatMap(ignored -> flags(connection, person, "email", changes.email()))
                .flatMap(ignored -> language(connection, person, changes.language()))
                .flatMap(ignored -> read(connection, person, inAppKinds, mailKinds)));
    }

    /** One-click unsubscribe: e-mail of that kind off for that person. */
    public Uni<Void> stopMail(UUID person, String kind) {
        return pool.withConnection(connection -> flags(connection, person, "email", Map.of(kind, false)));
    }

    private Uni<Settings> read(SqlConnection connection, UUID person, Set<String> inAppKinds, Set<String> mailKinds) {
        return connection.preparedQuery("""
                        SELECT p.kind, p.in_app, p.email, NULL AS language FROM preference p WHERE p.account_id = $1
                        UNION ALL
                        SELECT NULL, NULL, NULL, s.language FROM mail_setting s WHERE s.account_id = $1""")
                .execute(Tuple.of(person))
                .map(rows -> {
                    Map<String, Boolean> inApp = on(inAppKinds);
                    Map<String, Boolean> email = on(mailKinds);
                    String language = "en";
                    for (var row : rows) {
                        String kind = row.getString("kind");
                        if (kind == null) {
                            language = row.getString("language");
                            continue;
                        }
                        inApp.computeIfPresent(kind, (k, v) -> row.getBoolean("in_app"));
                        email.computeIfPresent(kind, (k, v) -> row.getBoolean("email"));
                    }
                    return new Settings(inApp, email, language);
                });
    }

    private Uni<Void> flags(SqlConnection connection, UUID person, String column, Map<String, Boolean> changes) {
        if (changes == null || changes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] names = changes.keySet().toArray(String[]::new);
        Boolean[] values = new Boolean[names.length];
        for (int i = 0; i < names.length; i++) {
            values[i] = changes.get(names[i]);
        }
        // the column name is one of two constants above, never input
        return connection.preparedQuery("INSERT INTO preference (account_id, kind, " + column + ", updated_at) "
                        + "SELECT $1, p.kind, p.flag, $4 FROM unnest($2::text[], $3::bool[]) AS p (kind, flag) "
                        + "ON CONFLICT (account_id, kind) DO UPDATE SET " + column + " = EXCLUDED." + column
                        + ", updated_at = EXCLUDED.updated_at")
                .execute(Tuple.tuple().addUUID(person).addArrayOfString(names).addArrayOfBoolean(values)
                        .addOffsetDateTime(clock.instant().atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    private Uni<Void> language(SqlConnection connection, UUID person, String language) {
        if (language == null) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("INSERT INTO mail_setting (account_id, language, updated_at) VALUES ($1, $2, $3) "
                        + "ON CONFLICT (account_id) DO UPDATE SET language = EXCLUDED.language, updated_at = EXCLUDED.updated_at")
                .execute(Tuple.of(person, language, clock.instant().atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    private static Map<String, Boolean> on(Set<String> kinds) {
        Map<String, Boolean> settings = new TreeMap<>();
        kinds.forEach(kind -> settings.put(kind, true));
        return settings;
    }
}
