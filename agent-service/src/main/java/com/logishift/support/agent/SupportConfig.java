package com.logishift.support.agent;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Typed configuration of agent-service; every key can be set by environment variable. */
@ConfigMapping(prefix = "support")
public interface SupportConfig {

    Jwt jwt();

    Admin admin();

    Login login();

    interface Jwt {
        /** {@code iss} of issued tokens; every service verifies it. */
        @WithDefault("https://support.logishift.com")
        String issuer();

        @WithDefault("PT30M")
        Duration lifetime();

        /** PEM (PKCS#8) RSA private key; env SUPPORT_JWT_PRIVATE_KEY_FILE. */
        String privateKeyFile();

        /** PEM (X.509 SubjectPublicKeyInfo) public key matching the private key. */
        String publicKeyFile();
    }

    interface Admin {
        /** env SUPPORT_ADMIN_EMAIL */
        @WithDefault("admin@logishift.local")
        String email();

        /** env SUPPORT_ADMIN_PASSWORD; required in prod when no admin exists yet. */
        Optional<String> password();

        @WithDefault("Support Admin")
        String name();
    }

    interface Login {
        /** bcrypt work factor; 10 is OWASP's minimum and costs ~60 ms per hash on one core here. */
        @WithDefault("10")
        int bcryptCost();

        @WithDefault("5")
        int freeAttempts();

        @WithDefault("PT30S")
        Duration baseLockout();

        @WithDefault("PT15M")
        Duration maxLockout();

        /** A (email, client) pair's failures are forgotten this long after its last attempt. */
        @WithDefault("PT1H")
        Duration forgetAfter();

        /** At most this many (email, client) pairs are tracked (about 250 bytes each). */
        @WithDefault("20000")
        int trackedPairs();
    }
}
