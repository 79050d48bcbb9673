package com.logishift.support.kit.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.logishift.support.kit.ProblemException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The per-account cap on live streams: refusal beyond it, a slot freed once per release, accounts apart. */
class StreamSlotsTest {

    private final StreamSlots slots = new StreamSlots("live test streams", 2, Duration.ofSeconds(7));

    @Test
    void oneStreamMoreThanAllowedIs429NamingTheStreamsWithRetryAfter() {
        UUID account = UUID.randomUUID();
        slots.acquire(account);
        slots.acquire(account);
        ProblemException refused = assertThrows(ProblemException.class, () -> slots.acquire(account));
        assertEquals(429, refused.problem().status());
        assertTrue(refused.problem().detail().contains("2 live test streams"), refused.problem().detail());
        assertEquals(Duration.ofSeconds(7), refused.retryAfter());
        slots.acquire(UUID.randomUUID()); // another account has its own slots
        assertEquals(2, slots.openStreams(account));
    }

    @Test
    void releasingTwiceFreesOneSlotOnly() {
        UUID account = UUID.randomUUID();
        Runnable first = slots.acquire(account);
        slots.acquire(account);
        first.run();
        first.run();
        assertEquals(1, slots.openStreams(account));
        slots.acquire(account);
        assertThrows(ProblemException.class, () -> slots.acquire(account));
    }

    @Test
    void racingStreamsNeverExceedTheCap() throws Exception {
        UUID account = UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                attempts.add(pool.submit(() -> {
                    try {
                        slots.acquire(account);
                        return true;
                    } catch (ProblemException e) {
                        return false;
                    }
                }));
            }
            int taken = 0;
            for (Future<Boolean> attempt : attempts) {
                taken += attempt.get() ? 1 : 0;
            }
            assertEquals(2, taken);
            assertEquals(2, slots.openStreams(account));
        } finally {
            pool.shutdownNow();
        }
    }
}
