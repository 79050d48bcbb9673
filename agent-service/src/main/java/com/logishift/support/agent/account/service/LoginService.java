package com.logishift.support.agent.account.service;

import com.logishift.support.agent.SupportConfig;
import com.logishift.support.agent.account.Account;
import com.logishift.support.agent.account.LoginLockoutPolicy;
import com.logishift.support.agent.account.LoginThrottle;
import com.logishift.support.kit.ProblemException;
import com.logishift.support.agent.token.TokenIssuer;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Password sign-in, throttled per (email, client address) by {@link LoginThrottle}. An unknown
 * email, a wrong password and a password too long for bcrypt get the same answer, after the same
 * bcrypt work, and count the same towards the lock-out.
 */
@ApplicationScoped
public class LoginService {

    private static final String BAD_CREDENTIALS = "Email or password is incorrect.";

    private final PasswordHasher hasher;
    private final TokenIssuer tokens;
    private final LoginThrottle throttle;
    private final Clock clock;

    public LoginService(PasswordHasher hasher, TokenIssuer tokens, SupportConfig config, Clock clock,
            MeterRegistry metrics) {
        this.hasher = hasher;
        this.tokens = tokens;
        this.clock = clock;
        SupportConfig.Login login = config.login();
        this.throttle = new LoginThrottle(
                new LoginLockoutPolicy(login.freeAttempts(), login.baseLockout(), login.maxLockout()),
                login.forgetAfter(), login.trackedPairs());
        metrics.gauge("support.login.throttle.tracked", throttle, LoginThrottle::size);
    }

    /** A successful sign-in: the issued token and the account's role group. */
    public record SignedIn(TokenIssuer.IssuedToken token, String role) {
    }

    /** {@code client} is the caller's address as resolved from a trusted proxy's X-Forwarded-For. */
    public Uni<SignedIn> login(String email, String password, String client) {
        LoginThrottle.Key key = new LoginThrottle.Key(Account.normalizeEmail(email), client);
        Instant now = clock.instant();
        Duration locked = throttle.begin(key, now);
        if (!locked.isZero()) {
            return Uni.createFrom().failure(tooManyFailures(locked));
        }
        // the session only for the read: bcrypt runs without holding a connection
        return Panache.withSession(() -> Account.<Account>find("email", key.email()).firstResult())
                .flatMap(account -> account == null
                        ? hasher.decoy(password).map(ignored -> (Account) null)
                        : hasher.matches(password, account.passwordHash)
                                .map(matches -> matches ? account : null))
                .map(account -> account == null ? failed(key, now) : signedIn(key, account));
    }

    private SignedIn signedIn(LoginThrottle.Key key, Account account) {
        throttle.succeeded(key);
        account.loginRefusal().ifPresent(refusal -> {
            throw ProblemException.forbidden(refusal.slug(), refusal.detail());
        });
        TokenIssuer.IssuedToken token = tokens.issue(account, clock.instant());
        return new SignedIn(token, account.role.group());
    }

    private SignedIn failed(LoginThrottle.Key key, Instant attemptedAt) {
        Duration locked = throttle.lockRemaining(key, attemptedAt);
        throw locked.isZero() ? ProblemException.unauthorized(BAD_CREDENTIALS) : tooManyFailures(locked);
    }

    private static ProblemException tooManyFailures(Duration remaining) {
        return ProblemException.tooManyRequests(
                "Too many failed sign-in attempts; try again later.", remaining);
    }
}
