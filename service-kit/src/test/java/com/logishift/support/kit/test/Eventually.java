package com.logishift.support.kit.test;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Waits for eventual things (events applied, a slot freed) with Awaitility; never a fixed sleep. */
public final class Eventually {

    public static final Duration DEFAULT = Duration.ofSeconds(20);

    private Eventually() {
    }

    /** Polls {@code condition} until it holds; fails naming {@code what} after {@code timeout}. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        value(what, timeout, condition::getAsBoolean, Boolean::booleanValue);
    }

    public static void until(String what, BooleanSupplier condition) {
        until(what, DEFAULT, condition);
    }

    /** Polls {@code supplier} until its value satisfies {@code done}, and returns that value. */
    public static <T> T value(String what, Duration timeout, Callable<T> supplier, Predicate<? super T> done) {
        try {
            return Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(100))
                    .pollInSameThread().until(supplier, done::test);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("timed out after " + timeout + " waiting for: " + what, e);
        }
    }
}
