package com.logishift.support.agent.bootstrap;

import com.logishift.support.agent.SupportConfig;
import com.logishift.support.agent.account.Role;
import com.logishift.support.agent.account.service.AccountService;
import com.logishift.support.kit.ProblemException;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Creates the first admin from SUPPORT_ADMIN_EMAIL / SUPPORT_ADMIN_PASSWORD when no admin exists.
 * In production a missing password with no admin is a start-up failure: a support system nobody can
 * administer is not running correctly.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);
    private static final int MIN_ADMIN_PASSWORD_LENGTH = 12;

    private final AccountService accounts;
    private final SupportConfig.Admin config;

    public AdminBootstrap(AccountService accounts, SupportConfig config) {
        this.accounts = accounts;
        this.config = config.admin();
    }

    void onStart(@Observes StartupEvent start) throws Throwable {
        if (VertxContextSupport.subscribeAndAwait(accounts::adminExists)) {
            return;
        }
        String password = config.password().filter(p -> !p.isBlank()).orElse(null);
        if (password == null) {
            if (LaunchMode.current() == LaunchMode.NORMAL) {
                throw new IllegalStateException("No admin account exists and SUPPORT_ADMIN_PASSWORD is not set: "
                        + "set SUPPORT_ADMIN_EMAIL and SUPPORT_ADMIN_PASSWORD for the first start");
            }
            LOG.warn("No admin account exists and SUPPORT_ADMIN_PASSWORD is not set; no admin was created");
            return;
        }
        if (password.length() < MIN_ADMIN_PASSWORD_LENGTH) {
            throw new IllegalStateException("SUPPORT_ADMIN_PASSWORD must be at least "
                    + MIN_ADMIN_PASSWORD_LENGTH + " characters");
        }
        try {
            VertxContextSupport.subscribeAndAwait(() -> accounts.register(Role.ADMIN, config.name(),
                    config.email(), password, null));
            LOG.infof("Created the bootstrap admin account %s", config.email());
        } catch (ProblemException e) {
            // another replica created it at the same moment, or the email belongs to a non-admin
            if (e.problem().status() != 409) {
                throw e;
            }
            LOG.warnf("Bootstrap admin not created: %s", e.getMessage());
        }
    }
}
