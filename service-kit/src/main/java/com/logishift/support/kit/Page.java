package com.logishift.support.kit;

import java.util.List;
import java.util.function.Function;

/** The shape of every list response: {@code {items, total, page, size}}; pages count from 0. */
public record Page<T>(List<T> items, long total, int page, int size) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), total, page, size);
    }
}
