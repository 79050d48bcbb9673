package com.logishift.support.faq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VoteChangeTest {

    @Test
    void aFirstVoteCountsOnItsSide() {
        assertEquals(new VoteChange(1, 0), VoteChange.of(null, true));
        assertEquals(new VoteChange(0, 1), VoteChange.of(null, false));
    }

    @Test
    void theSameVoteAgainChangesNothing() {
        assertTrue(VoteChange.of(true, true).isNone());
        assertTrue(VoteChange.of(false, false).isNone());
    }

    @Test
    void aChangedVoteMovesFromOneSideToTheOther() {
        assertEquals(new VoteChange(-1, 1), VoteChange.of(true, false));
        assertEquals(new VoteChange(1, -1), VoteChange.of(false, true));
    }
}
