package com.logishift.support.faq;

/**
 * How one reader's vote moves an entry's counters. A reader has at most one vote per entry: the
 * first vote adds one to its side, a changed vote moves one from the other side, repeating the same
 * vote changes nothing.
 */
public record VoteChange(int helpfulDelta, int notHelpfulDelta) {

    public static final VoteChange NONE = new VoteChange(0, 0);

    /** @param previous the reader's earlier vote, or null when there is none */
    public static VoteChange of(Boolean previous, boolean helpful) {
        if (previous == null) {
            return helpful ? new VoteChange(1, 0) : new VoteChange(0, 1);
        }
        if (previous == helpful) {
            return NONE;
        }
        return helpful ? new VoteChange(1, -1) : new VoteChange(-1, 1);
    }

    public boolean isNone() {
        return helpfulDelta == 0 && notHelpfulDelta == 0;
    }
}
