package com.logishift.support.faq.service;

import com.logishift.support.faq.VoteChange;
import com.logishift.support.kit.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import lombok.RequiredArgsConstructor;

/**
 * "Was this helpful?" One vote per reader and entry; voting again replaces the vote.
 *
 * <p>One transaction per vote, holding the entry's row lock from the first statement: votes on the
 * same entry are applied one after the other, so the counters always equal the stored votes, however
 * many arrive at once (also several from the same reader).
 */
@ApplicationScoped
@RequiredArgsConstructor
public class VoteService {

    private static final String LOCK_ENTRY =
            "SELECT helpful_count, not_helpful_count FROM faq_entry WHERE id = $1 AND published FOR UPDATE";
    private static final String PREVIOUS_VOTE =
            "SELECT helpful FROM faq_vote WHERE entry_id = $1 AND voter_id = $2";
    private static final String UPSERT_VOTE = """
            INSERT INTO faq_vote (entry_id, voter_id, helpful, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)
            ON CONFLICT (entry_id, voter_id) DO UPDATE SET helpful = EXCLUDED.helpful, updated_at = EXCLUDED.updated_at""";
    private static final String MOVE_COUNTERS = """
            UPDATE faq_entry SET helpful_count = helpful_count + $2, not_helpful_count = not_helpful_count + $3
            WHERE id = $1 RETURNING helpful_count, not_helpful_count""";

    private final Pool pool;
    private final Clock clock;

    /** Records {@code voter}'s vote on a published entry; 404 for drafts and unknown entries. */
    public Uni<VoteTally> vote(UUID entryId, String voter, boolean helpful) {
        return pool.withTransaction(connection -> connection.preparedQuery(LOCK_ENTRY).execute(Tuple.of(entryId))
                .flatMap(locked -> {
                    if (locked.size() == 0) {
                        return Uni.createFrom().<VoteTally>failure(
                                ProblemException.notFound("No published FAQ entry " + entryId));
                    }
                    Row counters = locked.iterator().next();
                    return connection.preparedQuery(PREVIOUS_VOTE).execute(Tuple.of(entryId, voter))
                            .flatMap(previous -> {
                                Boolean before = previous.size() == 0 ? null
                                        : previous.iterator().next().getBoolean("helpful");
                                VoteChange change = VoteChange.of(before, helpful);
                                if (change.isNone()) {
                                    return Uni.createFrom().item(view(entryId, helpful, counters));
                                }
                                return apply(connection, entryId, voter, helpful, change);
                            });
                }));
    }

    private Uni<VoteTally> apply(SqlConnection connection, UUID entryId, String voter, boolean helpful,
            VoteChange change) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return connection.preparedQuery(UPSERT_VOTE).execute(Tuple.of(entryId, voter, helpful, now))
                .flatMap(ignored -> connection.preparedQuery(MOVE_COUNTERS)
                        .execute(Tuple.of(entryId, change.helpfulDelta(), change.notHelpfulDelta())))
                .map(rows -> view(entryId, helpful, rows.iterator().next()));
    }

    private static VoteTally view(UUID entryId, boolean helpful, Row counters) {
        return new VoteTally(entryId, helpful, counters.getInteger("helpful_count"),
                counters.getInteger("not_helpful_count"));
    }

    /** The entry's counters after the caller's vote, and the vote itself. */
    public record VoteTally(UUID entryId, boolean helpful, int helpfulCount, int notHelpfulCount) {
    }
}
