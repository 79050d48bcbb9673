package com.logishift.support.agent.account.service;

import com.logishift.support.agent.SupportConfig;
import com.logishift.support.agent.account.Account;
import com.logishift.support.agent.account.LoginLockoutPolicy;
import com.logishift.support.agent.account.PasswordHasher;
import com.logishift.support.agent.account.rest.LoginRequest;
import com.logishift.support.agent.account.rest.LoginResponse;
import com.logishift.support.agent.common.ProblemException;
import com.logishift.support.agent.token.TokenIssuer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;

/**
 * Password sign-in. The outcome of a failed attempt (the failure counter, a lock-out) is committed
 * before the error is returned, which is why the transaction yields an outcome, not an exception.
 */
@ApplicationScoped
public class LoginService {

    private static final String BAD_CREDENTIALS = "Email or password is incorrect.";

    private final PasswordHasher hasher;
    private final TokenIssuer tokens;
    private final LoginLockoutPolicy lockoutPolicy;
    private final Clock clock;

    public LoginService(PasswordHasher hasher, TokenIssuer tokens, SupportConfig config, Clock clock) {
        this.hasher = hasher;
        this.tokens = tokens;
        this.clock = clock;
        SupportConfig.Login login = config.login();
        this.lockoutPolicy = new LoginLockoutPolicy(login.freeAttempts(), login.baseLockout(), login.maxLockout());
    }

    private sealed interface Outcome {
        record SignedIn(Account account) implements Outcome { }
        record WrongCredentials() implements Outcome { }
        record Locked(Duration remaining) implements Outcome { }
        record Refused(String reason) implements Outcome { }
    }

    public Uni<LoginResponse> login(LoginRequest request) {
        String email = Account.normalizeEmail(request.email());
        return Panache.withTransaction(() -> Account.<Account>find("email", email)
                        .withLock(LockModeType.PESSIMISTIC_WRITE) // one attempt per account at a time
                        .firstResult()
                        .flatMap(account -> attempt(account, request.password())))
                .map(this::respond);
    }

    private Uni<Outcome> attempt(Account account, String password) {
        if (account == null) {
            return hasher.decoy(password).map(ignored -> new Outcome.WrongCredentials());
        }
        Duration locked = account.lockRemaining(clock.instant());
        if (!locked.isZero()) {
            return Uni.createFrom().item(new Outcome.Locked(locked));
        }
        return hasher.matches(password, account.passwordHash).map(matches -> {
            if (!matches) {
                account.recordFailedLogin(lockoutPolicy, clock.instant());
                Duration lockedNow = account.lockRemaining(clock.instant());
                return lockedNow.isZero() ? new Outcome.WrongCredentials() : new Outcome.Locked(lockedNow);
            }
            account.recordSuccessfulLogin();
            return account.loginRefusal().<Outcome>map(Outcome.Refused::new)
                    .orElseGet(() -> new Outcome.SignedIn(account));
        });
    }

    private LoginResponse respond(Outcome outcome) {
        // Java 17: no pattern matching for switch yet
        if (outcome instanceof Outcome.SignedIn signedIn) {
            TokenIssuer.IssuedToken token = tokens.issue(signedIn.account(), clock.instant());
            return new LoginResponse(token.value(), "Bearer", token.expiresInSeconds(), signedIn.account().role.group());
        }
        if (outcome instanceof Outcome.Locked locked) {
            throw ProblemException.tooManyRequests(
                    "Too many failed sign-in attempts for this account; try again later.", locked.remaining());
        }
        if (outcome instanceof Outcome.Refused refused) {
            throw ProblemException.forbidden("account-not-active", refused.reason());
        }
        throw ProblemException.unauthorized(BAD_CREDENTIALS);
    }
}
