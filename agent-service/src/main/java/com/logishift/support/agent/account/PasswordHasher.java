package com.logishift.support.agent.account;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.logishift.support.agent.SupportConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;

/**
 * bcrypt hashing. bcrypt is deliberately slow (tens of milliseconds), so it runs on a worker thread
 * and the result comes back on the caller's Vert.x context, where the reactive session lives.
 */
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
        this.decoyHash = BCrypt.withDefaults().hash(cost, "decoy-password-for-timing".toCharArray());
    }

    public Uni<String> hash(String password) {
        return vertx.executeBlocking(Uni.createFrom().item(
                () -> BCrypt.withDefaults().hashToString(cost, password.toCharArray())), false);
    }

    public Uni<Boolean> matches(String password, String hash) {
        return vertx.executeBlocking(Uni.createFrom().item(
                () -> BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8),
                        hash.getBytes(StandardCharsets.UTF_8)).verified), false);
    }

    /** Burns the same CPU as a real check, for unknown accounts. */
    public Uni<Boolean> decoy(String password) {
        return vertx.executeBlocking(Uni.createFrom().item(
                () -> BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8), decoyHash).verified
                        && false), false);
    }

    public static boolean withinBcryptLimit(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES;
    }
}
