package com.logishift.support.kit.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * Tokens that verified, remembered each until its own {@code exp} so a client's next requests skip
 * the RSA check; at most {@code maxSize} of them (the least useful go first), so memory stays bounded
 * whatever the number of callers. Keyed by the whole token, not its {@code jti}: a forged token
 * reusing a known jti must still be verified. Used by the services ({@link CachingJwtParser}) and the
 * gateway. Revocation is not its business: callers check {@link RevokedTokens} on every request.
 *
 * @param <V> what a verified token said
 */
public final class VerifiedTokens<V> {

    private final Cache<String, V> cache;

    /**
     * @param ticker           the cache's own clock (nanoseconds), for its expiry bookkeeping
     * @param wallMillis       the wall clock that {@code exp} is measured on
     * @param expiresAtSeconds a verified token's {@code exp}
     */
    public VerifiedTokens(long maxSize, Ticker ticker, LongSupplier wallMillis, ToLongFunction<V> expiresAtSeconds) {
        this.cache = Caffeine.newBuilder()
                .maximumSize(maxSize)
                .ticker(ticker)
                .executor(Runnable::run) // eviction bookkeeping on the caller's thread: cheap, and no pool
                .expireAfter(new Expiry<String, V>() {
                    @Override
                    public long expireAfterCreate(String token, V verified, long currentTime) {
                        long left = expiresAtSeconds.applyAsLong(verified) * 1000 - wallMillis.getAsLong();
                        return TimeUnit.MILLISECONDS.toNanos(Math.max(0, left));
                    }

                    @Override
                    public long expireAfterUpdate(String token, V verified, long currentTime, long currentDuration) {
                        return expireAfterCreate(token, verified, currentTime);
                    }

                    @Override
                    public long expireAfterRead(String token, V verified, long currentTime, long currentDuration) {
                        return currentDuration; // reading does not extend a token's life
                    }
                })
                .build();
    }

    public static <V> VerifiedTokens<V> system(long maxSize, ToLongFunction<V> expiresAtSeconds) {
        return new VerifiedTokens<>(maxSize, Ticker.systemTicker(), System::currentTimeMillis, expiresAtSeconds);
    }

    /** The remembered token, unless it has expired (or was never seen, or was pushed out). */
    public Optional<V> get(String token) {
        return Optional.ofNullable(cache.getIfPresent(token));
    }

    public void remember(String token, V verified) {
        cache.put(token, verified);
    }

    /** How many are remembered (after pending evictions). */
    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
