package com.logishift.support.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Tokens that verified, remembered each until its own {@code exp} so a client's next requests skip
 * the RSA check; at most {@code maxSize} of them (the least useful go first), so memory stays bounded
 * whatever the number of callers.
 */
final class VerifiedTokens {

    /** What a verified token said. */
    record Verified(String subject, long issuedAtSeconds, long expiresAtSeconds) {
    }

    private final Cache<String, Verified> cache;

    /**
     * @param ticker     the cache's own clock (nanoseconds), for its expiry bookkeeping
     * @param wallMillis the wall clock that {@code exp} is measured on
     */
    VerifiedTokens(long maxSize, Ticker ticker, LongSupplier wallMillis) {
        this.cache = Caffeine.newBuilder()
                .maximumSize(maxSize)
                .ticker(ticker)
                .executor(Runnable::run) // eviction bookkeeping on the caller's thread: cheap, and no pool
                .expireAfter(new Expiry<String, Verified>() {
                    @Override
                    public long expireAfterCreate(String token, Verified verified, long currentTime) {
                        long left = verified.expiresAtSeconds() * 1000 - wallMillis.getAsLong();
                        return TimeUnit.MILLISECONDS.toNanos(Math.max(0, left));
                    }

                    @Override
                    public long expireAfterUpdate(String token, Verified verified, long currentTime,
                            long currentDuration) {
                        return expireAfterCreate(token, verified, currentTime);
                    }

                    @Override
                    public long expireAfterRead(String token, Verified verified, long currentTime,
                            long currentDuration) {
                        return currentDuration; // reading does not extend a token's life
                    }
                })
                .build();
    }

    static VerifiedTokens system(long maxSize) {
        return new VerifiedTokens(maxSize, Ticker.systemTicker(), System::currentTimeMillis);
    }

    /** The remembered token, unless it has expired (or was never seen, or was pushed out). */
    Optional<Verified> get(String token) {
        return Optional.ofNullable(cache.getIfPresent(token));
    }

    void remember(String token, Verified verified) {
        cache.put(token, verified);
    }

    /** How many are remembered (after pending evictions). */
    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
