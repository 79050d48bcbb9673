package com.logishift.support.ticket.report;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Cells of some of a report's buckets (by index), per group in the order found. */
final class ReportCells {

    private final Map<Integer, Map<String, ReportCell>> cells = new HashMap<>();

    /** The cell of a group in a bucket, created empty when not there yet. */
    ReportCell of(int bucket, String group) {
        return in(bucket).computeIfAbsent(group, g -> new ReportCell());
    }

    /** A bucket's groups with data (a bucket known to be empty has none, but is {@link #has its own}). */
    Map<String, ReportCell> in(int bucket) {
        return cells.computeIfAbsent(bucket, b -> new LinkedHashMap<>());
    }

    boolean has(int bucket) {
        return cells.containsKey(bucket);
    }

    Set<Integer> buckets() {
        return cells.keySet();
    }

    ReportCells addAll(ReportCells other) {
        cells.putAll(other.cells);
        return this;
    }
}
