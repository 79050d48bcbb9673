package com.logishift.support.agent.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final LoginLockoutPolicy POLICY =
            new LoginLockoutPolicy(3, Duration.ofSeconds(30), Duration.ofMinutes(5));
    private static final LoginThrottle.Key ATTACKER = new LoginThrottle.Key("ada@example.com", "203.0.113.7");
    private static final LoginThrottle.Key OWNER = new LoginThrottle.Key("ada@example.com", "198.51.100.1");

    @Test
    void locksOnlyTheFailingPairAndDoublesItsLockOut() {
        LoginThrottle throttle = new LoginThrottle(POLICY, Duration.ofHours(1), 100);
        assertEquals(Duration.ZERO, throttle.begin(ATTACKER, NOW));
        assertEquals(Duration.ZERO, throttle.begin(ATTACKER, NOW));
        assertEquals(Duration.ZERO, throttle.lockRemaining(ATTACKER, NOW));
        assertEquals(Duration.ZERO, throttle.begin(ATTACKER, NOW), "the third attempt is still checked");
        assertEquals(Duration.ofSeconds(30), throttle.lockRemaining(ATTACKER, NOW), "... and locks if it fails");
        assertEquals(Duration.ofSeconds(10), throttle.begin(ATTACKER, NOW.plusSeconds(20)), "locked: not counted");

        assertEquals(Duration.ZERO, throttle.begin(OWNER, NOW.plusSeconds(20)), "another client is not locked");
        throttle.succeeded(OWNER);

        assertEquals(Duration.ZERO, throttle.begin(ATTACKER, NOW.plusSeconds(31)));
        assertEquals(Duration.ofSeconds(60), throttle.lockRemaining(ATTACKER, NOW.plusSeconds(31)), "doubled");
    }

    @Test
    void aCorrectPasswordForgetsThePairAndIdlePairsAreForgotten() {
        LoginThrottle throttle = new LoginThrottle(POLICY, Duration.ofHours(1), 100);
        throttle.begin(ATTACKER, NOW);
        throttle.begin(ATTACKER, NOW);
        throttle.succeeded(ATTACKER);
        throttle.begin(ATTACKER, NOW);
        throttle.begin(ATTACKER, NOW);
        assertEquals(Duration.ZERO, throttle.lockRemaining(ATTACKER, NOW), "counting started again");

        throttle.begin(OWNER, NOW);
        throttle.begin(OWNER, NOW);
        throttle.begin(OWNER, NOW); // locked for 30 s
        Instant later = NOW.plus(Duration.ofHours(1)).plusSeconds(31);
        throttle.begin(OWNER, later);
        assertEquals(Duration.ZERO, throttle.lockRemaining(OWNER, later), "an hour of quiet starts from zero");
    }

    @Test
    void memoryIsBoundedByEvictingTheLeastRecentlyTriedPair() {
        LoginThrottle throttle = new LoginThrottle(POLICY, Duration.ofHours(1), 3);
        for (int i = 0; i < 10; i++) {
            throttle.begin(new LoginThrottle.Key("user" + i + "@example.com", "192.0.2.1"), NOW);
        }
        assertEquals(3, throttle.size());
    }
}
