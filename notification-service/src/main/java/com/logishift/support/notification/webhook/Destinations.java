package com.logishift.support.notification.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * Where a webhook may go (the guard against server-side request forgery): https (http only when
 * allowed), no credentials or fragment in the URL, and a host that resolves to public addresses
 * only — loopback, private, link-local (169.254.169.254 included), unique-local (fd00:ec2::254
 * included), multicast, unspecified and reserved ranges are refused unless the host is listed in
 * SUPPORT_WEBHOOK_ALLOWED_HOSTS. Checked at registration and again before every attempt (DNS can
 * change); the attempt then connects to the very address checked here.
 */
public class Destinations {

    /** A destination refused; the message says why (shown to the admin, naming no internals). */
    public static class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** A checked destination: the URL's parts and the address to connect to. */
    public record Target(URI uri, boolean https, String host, int port, String pathAndQuery, InetAddress address) {
    }

    /** Resolves a host name to its addresses (blocking: callers run it off the event loop). */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A URL's last accepted check and until when (System.nanoTime) it is reused. */
    private record Checked(Target target, long until) {
    }

    private static final int RECENT_MAX = 10_000;

    private final Set<String> allowedHosts;
    private final boolean allowHttp;
    private final Resolver resolver;
    private final long reuseNanos;
    private final LongSupplier nanos;
    private final Map<String, Checked> recent = new ConcurrentHashMap<>();

    public Destinations(List<String> allowedHosts, boolean allowHttp, Resolver resolver) {
        this(allowedHosts, allowHttp, resolver, Duration.ZERO, System::nanoTime);
    }

    /** {@code reuse}: how long an accepted check of a URL stands ({@link #recent}); {@code nanos}: the clock. */
    public Destinations(List<String> allowedHosts, boolean allowHttp, Resolver resolver, Duration reuse, LongSupplier nanos) {
        this.allowedHosts = allowedHosts.stream().map(Destinations::normalHost).filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        this.allowHttp = allowHttp;
        this.resolver = resolver;
        this.reuseNanos = reuse.toNanos();
        this.nanos = nanos;
    }

    /**
     * The target accepted for this URL less than {@code reuse} ago, else null: an attempt then skips the
     * (blocking) look-up and its thread hop. A second or two adds nothing to the JVM's own DNS cache
     * (30 s), and a refusal is never reused.
     */
    public Target recent(String url) {
        Checked checked = recent.get(url);
        return checked != null && checked.until() - nanos.getAsLong() > 0 ? checked.target() : null;
    }

    /** The URL's form alone (no DNS): scheme, host, port, no credentials or fragment. */
    public URI parse(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Refused("must be an absolute https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw new Refused(allowHttp ? "must be an http or https URL" : "must be an https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new Refused("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("must not contain credentials");
        }
        if (uri.getRawFragment() != null) {
            throw new Refused("must not contain a fragment");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new Refused("has an invalid port");
        }
        return uri;
    }

    /** The URL checked and resolved (blocking DNS): the address an attempt connects to. */
    public Target resolve(String url) throws Refused {
        Target target;
        try {
            target = check(url);
        } catch (Refused refused) {
            recent.remove(url);
            throw refused;
        }
        if (reuseNanos > 0) {
            if (recent.size() >= RECENT_MAX) {
                recent.clear();
            }
            recent.put(url, new Checked(target, nanos.getAsLong() + reuseNanos));
        }
        return target;
    }

    private Target check(String url) throws Refused {
        URI uri = parse(url);
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        String host = normalHost(uri.getHost());
        int port = uri.getPort() > 0 ? uri.getPort() : (https ? 443 : 80);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String pathAndQuery = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException | SecurityException e) {
            throw new Refused("host does not resolve");
        }
        if (addresses.length == 0) {
            throw new Refused("host does not resolve");
        }
        if (!allowedHosts.contains(host)) {
            // every address, not just the first: a name with one public and one private address is refused
            for (InetAddress address : addresses) {
                if (isInternal(address)) {
                    throw new Refused("resolves to a loopback, private, link-local or otherwise internal address");
                }
            }
        }
        return new Target(uri, https, host, port, pathAndQuery, addresses[0]);
    }

    /** Loopback, private, link-local, unique-local, multicast, unspecified, metadata or reserved. */
    static boolean isInternal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 // "this network"
                    || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking
                    || first >= 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) { // fc00::/7 unique local, fd00:ec2::254 among them
                return true;
            }
            if (embedsIpv4(b, new byte[12]) || embedsIpv4(b, new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff})
                    || embedsIpv4(b, new byte[] {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0})) {
                // IPv4-compatible, IPv4-mapped and NAT64 addresses: judged by the IPv4 address inside
                try {
                    return isInternal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean embedsIpv4(byte[] address, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (address[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Lower case, without the brackets of an IPv6 literal. */
    static String normalHost(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }
}
