package com.logishift.support.agent.account.service;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.logishift.support.agent.SupportConfig;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * bcrypt hashing. bcrypt is deliberately slow (tens of milliseconds), so it runs on a worker thread
 * and the result comes back on the caller's Vert.x context, where the reactive session lives.
 * Created at start-up ({@link Startup}): the decoy hash costs a full bcrypt run, which must never
 * happen on the event loop of the first sign-in that needs it.
 */
@Startup
@ApplicationScoped
public class PasswordHasher {

    /** bcrypt only reads the first 72 bytes of a password; longer ones are refused, not truncated. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private final Vertx vertx;
    private final int cost;
    /** Compared against when an email is unknown, so both cases cost the same time. */
    private final byte[] decoyHash;

    public PasswordHasher(Vertx vertx, SupportConfig config) {
        this.vertx = vertx;
        this.cost = config.login().bcryptCost();
        byte[] randomPassword = new byte[32];
        new SecureRandom().nextBytes(randomPassword);
        this.decoyHash = BCrypt.withDefaults().hash(cost,
                Base64.getEncoder().encodeToString(randomPassword).getBytes(StandardCharsets.UTF_8));
    }

    public Uni<String> hash(String password) {
        return vertx.executeBlocking(Uni.createFrom().item(
                () -> BCrypt.withDefaults().hashToString(cost, password.toCharArray())), false);
    }

    public Uni<Boolean> matches(String password, String hash) {
        return vertx.executeBlocking(Uni.createFrom().item(
                () -> verify(password, hash.getBytes(StandardCharsets.UTF_8))), false);
    }

    /** Burns the same CPU as a real check, for unknown accounts; never matches. */
    public Uni<Boolean> decoy(String password) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> verify(password, decoyHash) && false), false);
    }

    public static boolean withinBcryptLimit(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES;
    }

    /**
     * A password over bcrypt's limit never matches (none was stored: sign-up refuses them), but is
     * checked on its first 72 bytes anyway, so it costs the same time as any wrong password.
     */
    private static boolean verify(String password, byte[] hash) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_PASSWORD_BYTES) {
            BCrypt.verifyer().verify(Arrays.copyOf(bytes, MAX_PASSWORD_BYTES), hash);
            return false;
        }
        return BCrypt.verifyer().verify(bytes, hash).verified;
    }
}
