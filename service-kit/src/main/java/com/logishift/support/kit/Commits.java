package com.logishift.support.kit;

import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;

/**
 * Things that must happen only for work that committed, such as counting it in a metric: a write
 * made in a caller's transaction (which may still roll back) is counted when that commits.
 */
public final class Commits {

    private Commits() {
    }

    /**
     * Runs {@code action} once the work just written through {@code db} is committed: when its
     * transaction commits (never if it rolls back), or at once when {@code db} commits each statement
     * by itself (a pool, a connection outside a transaction). Call it after the write succeeded.
     */
    public static void afterCommit(SqlClient db, Runnable action) {
        Transaction transaction = db instanceof SqlConnection connection ? connection.transaction() : null;
        if (transaction == null) {
            action.run();
            return;
        }
        transaction.completion().subscribe().with(committed -> action.run(), rolledBack -> {
            // rolled back: nothing happened
        });
    }
}
