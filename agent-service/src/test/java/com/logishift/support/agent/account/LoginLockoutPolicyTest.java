package com.logishift.support.agent.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginLockoutPolicyTest {

    private final LoginLockoutPolicy policy =
            new LoginLockoutPolicy(5, Duration.ofSeconds(30), Duration.ofMinutes(15));

    @Test
    void firstFailuresAreFree() {
        for (int failures = 1; failures <= 4; failures++) {
            assertTrue(policy.lockoutAfter(failures).isEmpty(), "no lock-out after " + failures);
        }
    }

    @Test
    void lockoutStartsAtTheLimitAndDoublesUpToTheCap() {
        assertEquals(Optional.of(Duration.ofSeconds(30)), policy.lockoutAfter(5));
        assertEquals(Optional.of(Duration.ofSeconds(60)), policy.lockoutAfter(6));
        assertEquals(Optional.of(Duration.ofSeconds(120)), policy.lockoutAfter(7));
        assertEquals(Optional.of(Duration.ofMinutes(15)), policy.lockoutAfter(12));
        assertEquals(Optional.of(Duration.ofMinutes(15)), policy.lockoutAfter(Integer.MAX_VALUE));
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new LoginLockoutPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new LoginLockoutPolicy(3, Duration.ofSeconds(10), Duration.ofSeconds(1)));
    }
}
