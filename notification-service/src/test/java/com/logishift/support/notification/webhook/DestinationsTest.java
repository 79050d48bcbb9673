package com.logishift.support.notification.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SSRF guard: only public addresses, https, no credentials, unless a host is explicitly allowed. */
class DestinationsTest {

    /** A resolver with fixed answers, so no test depends on the machine's DNS. */
    private static final Map<String, String[]> DNS = Map.of(
            "partner.example", new String[] {"93.184.215.14"},
            "sneaky.example", new String[] {"93.184.215.14", "10.1.2.3"},
            "rebind.example", new String[] {"127.0.0.1"},
            "localhost", new String[] {"127.0.0.1", "::1"});

    private static Destinations guard(List<String> allowed, boolean http) {
        return new Destinations(allowed, http, host -> {
            String[] answers = DNS.get(host);
            if (answers == null) {
                return InetAddress.getAllByName(host); // literals only below: no network
            }
            InetAddress[] addresses = new InetAddress[answers.length];
            for (int i = 0; i < answers.length; i++) {
                addresses[i] = InetAddress.getByName(answers[i]);
            }
            return addresses;
        });
    }

    @Test
    void internalAddressesAreRefusedPublicOnesAccepted() throws Exception {
        Destinations guard = guard(List.of(), false);
        for (String url : List.of("https://10.0.0.1/hook", "https://169.254.169.254/latest/meta-data", "https://[::1]/",
                "https://[fd00:ec2::254]/", "https://127.0.0.1:8443/", "https://0.0.0.0/", "https://192.168.1.1/",
                "https://172.16.0.5/", "https://100.64.0.1/", "https://[fe80::1]/", "https://224.0.0.1/",
                "https://[::ffff:10.0.0.1]/", "https://[64:ff9b::a00:1]/", "https://255.255.255.255/",
                "https://localhost/", "https://rebind.example/", "https://sneaky.example/")) {
            Destinations.Refused refused = assertThrows(Destinations.Refused.class, () -> guard.resolve(url), url);
            assertTrue(refused.getMessage().contains("address"), url + ": " + refused.getMessage());
        }
        Destinations.Target target = guard.resolve("https://partner.example/in?x=1");
        assertEquals("93.184.215.14", target.address().getHostAddress());
        assertEquals(443, target.port());
        assertEquals("/in?x=1", target.pathAndQuery());
    }

    @Test
    void theFormOfTheUrlIsChecked() {
        Destinations guard = guard(List.of(), false);
        for (String url : List.of("http://partner.example/", "ftp://partner.example/", "partner.example/hook",
                "https://user:pw@partner.example/", "https://partner.example/#x", "https:///nohost", "https://par tner/",
                "https://partner.example:99999/", "javascript:alert(1)", "https://partner.example\u0000.evil/")) {
            assertThrows(Destinations.Refused.class, () -> guard.resolve(url), url);
        }
        assertThrows(Destinations.Refused.class, () -> guard.resolve("https://does-not-resolve.invalid/"));
    }

    @Test
    void anAllowedHostMayBeInternalAndHttpOnlyWhenAllowed() throws Exception {
        Destinations guard = guard(List.of("127.0.0.1", " [::1] "), true);
        assertEquals("127.0.0.1", guard.resolve("http://127.0.0.1:9000/hook").address().getHostAddress());
        assertTrue(guard.resolve("http://[::1]:9000/").address().isLoopbackAddress());
        // allowing 127.0.0.1 does not allow a name that resolves to it
        assertThrows(Destinations.Refused.class, () -> guard.resolve("http://localhost:9000/"));
        assertThrows(Destinations.Refused.class, () -> guard.resolve("http://rebind.example/"));
    }

    @Test
    void classification() throws UnknownHostException {
        assertFalse(Destinations.isInternal(InetAddress.getByName("93.184.215.14")));
        assertFalse(Destinations.isInternal(InetAddress.getByName("2606:2800:220:1:248:1893:25c8:1946")));
        assertTrue(Destinations.isInternal(InetAddress.getByName("169.254.169.254")));
        assertTrue(Destinations.isInternal(InetAddress.getByName("fd00:ec2::254")));
    }

    @Test
    void anAcceptedCheckIsReusedBrieflyARefusalNever() {
        java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicInteger lookUps = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<String> answer = new java.util.concurrent.atomic.AtomicReference<>("93.184.215.14");
        Destinations guard = new Destinations(List.of(), false, host -> {
            lookUps.incrementAndGet();
            return new InetAddress[] {InetAddress.getByName(answer.get())};
        }, java.time.Duration.ofSeconds(2), now::get);
        String url = "https://partner.example/hook";
        assertEquals(null, guard.recent(url), "nothing checked yet");
        Destinations.Target target = guard.resolve(url);
        assertEquals(target, guard.recent(url));
        now.addAndGet(1_999_999_999L);
        assertEquals(target, guard.recent(url), "within 2 s");
        assertEquals(null, guard.recent("https://partner.example/other"), "per URL");
        now.addAndGet(1L);
        assertEquals(null, guard.recent(url), "2 s later it is checked again");
        assertEquals(1, lookUps.get());

        answer.set("10.0.0.7"); // DNS changed: the next check refuses, and nothing is reused
        assertThrows(Destinations.Refused.class, () -> guard.resolve(url));
        assertEquals(null, guard.recent(url));
        assertEquals(2, lookUps.get());
        Destinations never = guard(List.of(), false);
        never.resolve("https://partner.example/");
        assertEquals(null, never.recent("https://partner.example/"), "not reused unless configured");
    }
}
