package com.logishift.support.agent.account;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Throttles password guessing per (email, client address), never per account alone: a stranger
 * who fails someone's password locks out only their own client, and the owner signing in from
 * anywhere else is not affected. Emails without an account are counted exactly like real ones, so
 * the throttle says nothing about which emails exist.
 * <p>
 * An attempt is counted before its password is checked, so parallel guesses from one client cannot
 * slip past the limit while bcrypt runs; a correct password forgets the pair. The table lives in
 * memory and is bounded: a pair is forgotten {@code forgetAfter} after its last attempt once no
 * lock-out runs, and past {@code capacity} pairs the least recently tried one goes first.
 */
public final class LoginThrottle {

    /** Whose password, tried from where. */
    public record Key(String email, String client) {
    }

    private static final class Entry {
        int failures;
        Instant lockedUntil = Instant.MIN;
        Instant lastAttempt;
    }

    private final LoginLockoutPolicy policy;
    private final Duration forgetAfter;
    private final Map<Key, Entry> entries;

    public LoginThrottle(LoginLockoutPolicy policy, Duration forgetAfter, int capacity) {
        if (capacity < 1 || forgetAfter.isNegative()) {
            throw new IllegalArgumentException("invalid login throttle settings");
        }
        this.policy = policy;
        this.forgetAfter = forgetAfter;
        // access order: every attempt moves its pair to the end, the eldest is the least recently tried
        this.entries = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * Starts an attempt. When the pair is locked out, returns how long is left and counts nothing;
     * otherwise counts the attempt as a failure (until {@link #succeeded}) and returns zero.
     */
    public synchronized Duration begin(Key key, Instant now) {
        Entry entry = entries.get(key);
        if (entry != null && forgotten(entry, now)) {
            entries.remove(key);
            entry = null;
        }
        if (entry != null && entry.lockedUntil.isAfter(now)) {
            return Duration.between(now, entry.lockedUntil);
        }
        if (entry == null) {
            entry = new Entry();
            entries.put(key, entry);
        }
        entry.failures++;
        entry.lastAttempt = now;
        Entry counted = entry;
        policy.lockoutAfter(entry.failures).ifPresent(lockout -> counted.lockedUntil = now.plus(lockout));
        return Duration.ZERO;
    }

    /** After a failed attempt begun at {@code now}: how long the pair is locked out now, zero if not. */
    public synchronized Duration lockRemaining(Key key, Instant now) {
        Entry entry = entries.get(key);
        if (entry == null || !entry.lockedUntil.isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, entry.lockedUntil);
    }

    /** The right password: this client starts from zero again (other clients keep their count). */
    public synchronized void succeeded(Key key) {
        entries.remove(key);
    }

    /** Pairs tracked right now (for tests and a gauge). */
    public synchronized int size() {
        return entries.size();
    }

    private boolean forgotten(Entry entry, Instant now) {
        return !entry.lockedUntil.isAfter(now) && entry.lastAttempt.plus(forgetAfter).isBefore(now);
    }
}
