package com.logishift.support.kit;

import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * A batch of rows as column-wise parameters, for one statement over all of them
 * ({@code INSERT … SELECT * FROM unnest($1::uuid[], $2::text[], …)}): each call adds one typed array,
 * in the order of the statement's parameters. One statement per batch instead of one per row.
 *
 * <pre>{@code
 * Columns.of(Tuple.tuple(), events).uuid(Event::id).string(Event::type).time(Event::at).tuple()
 * }</pre>
 */
public final class Columns<T> {

    private final Tuple tuple;
    private final List<T> rows;

    private Columns(Tuple tuple, List<T> rows) {
        this.tuple = tuple;
        this.rows = rows;
    }

    /** Adds the columns of {@code rows} to {@code tuple}, after what it already holds. */
    public static <T> Columns<T> of(Tuple tuple, List<T> rows) {
        return new Columns<>(tuple, rows);
    }

    public Columns<T> uuid(Function<? super T, UUID> column) {
        return add(column, UUID[]::new, Tuple::addArrayOfUUID);
    }

    public Columns<T> string(Function<? super T, String> column) {
        return add(column, String[]::new, Tuple::addArrayOfString);
    }

    public Columns<T> integer(Function<? super T, Integer> column) {
        return add(column, Integer[]::new, Tuple::addArrayOfInteger);
    }

    public Columns<T> bool(Function<? super T, Boolean> column) {
        return add(column, Boolean[]::new, Tuple::addArrayOfBoolean);
    }

    /** A {@code timestamptz[]} column; a null instant stays null. */
    public Columns<T> time(Function<? super T, Instant> column) {
        return add(row -> {
            Instant at = column.apply(row);
            return at == null ? null : at.atOffset(ZoneOffset.UTC);
        }, OffsetDateTime[]::new, Tuple::addArrayOfOffsetDateTime);
    }

    private <V> Columns<T> add(Function<? super T, V> column, IntFunction<V[]> array, BiConsumer<Tuple, V[]> adder) {
        adder.accept(tuple, rows.stream().map(column).toArray(array));
        return this;
    }

    public Tuple tuple() {
        return tuple;
    }
}
