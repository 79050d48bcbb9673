package com.logishift.support.agent.account;

import java.time.Duration;
import java.util.Optional;

/**
 * How long sign-in stays locked after consecutive failures: after {@code freeAttempts} failures every
 * further failure locks it, starting at {@code baseLockout} and doubling up to {@code maxLockout}.
 * {@link LoginThrottle} applies it per (email, client).
 */
public record LoginLockoutPolicy(int freeAttempts, Duration baseLockout, Duration maxLockout) {

    public LoginLockoutPolicy {
        if (freeAttempts < 1 || baseLockout.isNegative() || baseLockout.isZero()
                || maxLockout.compareTo(baseLockout) < 0) {
            throw new IllegalArgumentException("invalid lock-out policy");
        }
    }

    /** The lock-out to apply after the given number of consecutive failures, if any. */
    public Optional<Duration> lockoutAfter(int consecutiveFailures) {
        int beyond = consecutiveFailures - freeAttempts;
        if (beyond < 0) {
            return Optional.empty();
        }
        // cap the shift so the doubling cannot overflow
        Duration lockout = baseLockout.multipliedBy(1L << Math.min(beyond, 20));
        return Optional.of(lockout.compareTo(maxLockout) > 0 ? maxLockout : lockout);
    }
}
