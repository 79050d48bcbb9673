package com.logishift.support.systemtests.client;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Bounded waiting for what the system does asynchronously (Kafka consumers, the outbox relay):
 * asks again until the answer is the expected one, and fails with the last answer when time is up.
 */
public final class Poll {

    /** Generous for a loaded 2-core machine; a healthy system answers in well under a second. */
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private Poll() {
    }

    public static <T> T until(String what, Supplier<T> probe, Predicate<? super T> done) {
        return until(what, PATIENCE, probe, done);
    }

    public static <T> T until(String what, Duration timeout, Supplier<T> probe, Predicate<? super T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        Throwable lastFailure = null;
        while (true) {
            try {
                last = probe.get();
                if (done.test(last)) {
                    return last;
                }
                lastFailure = null;
            } catch (AssertionError | RuntimeException e) {
                lastFailure = e;
            }
            if (System.nanoTime() > deadline) {
                AssertionError error = new AssertionError("Waited " + timeout.toSeconds() + " s for " + what
                        + "; last answer: " + last);
                if (lastFailure != null) {
                    error.initCause(lastFailure);
                }
                throw error;
            }
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }
}
