package com.logishift.support.kit.test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Puts a {@link TcpProxy} between the service and one server the test command starts (database,
 * virus scanner, mail server), so that a test can take that server away from this service only. A
 * subclass names the server ({@link #target()}) and the settings that point the service at the proxy
 * ({@link #settings(int)}); its static {@code proxy()} returns {@link #proxyOf(Class)}. Quarkus makes
 * the resource itself, so the proxy is kept per resource class for the tests to reach.
 */
public abstract class TcpProxyTestResource implements QuarkusTestResourceLifecycleManager {

    private static final Map<Class<?>, TcpProxy> PROXIES = new ConcurrentHashMap<>();

    /** Host and port of the real server. */
    public record Target(String host, int port) {
    }

    /** The proxy the resource of this class runs, or null while none runs. */
    protected static TcpProxy proxyOf(Class<? extends TcpProxyTestResource> type) {
        return PROXIES.get(type);
    }

    /** The environment variable's value, or the fallback when it is not set. */
    protected static String env(String name, String fallback) {
        return Objects.requireNonNullElse(System.getenv(name), fallback);
    }

    /** The server to relay to, or empty when the test command started none (then no proxy runs). */
    protected abstract Optional<Target> target();

    /** The service's settings that send it to the proxy listening on 127.0.0.1:{@code port}. */
    protected abstract Map<String, String> settings(int port);

    @Override
    public Map<String, String> start() {
        Optional<Target> target = target();
        if (target.isEmpty()) {
            return Map.of();
        }
        try {
            TcpProxy proxy = new TcpProxy(target.get().host(), target.get().port());
            PROXIES.put(getClass(), proxy);
            return settings(proxy.port());
        } catch (IOException e) {
            throw new UncheckedIOException("no proxy to " + target.get(), e);
        }
    }

    @Override
    public void stop() {
        TcpProxy proxy = PROXIES.remove(getClass());
        try {
            if (proxy != null) {
                proxy.close();
            }
        } catch (IOException e) {
            // the JVM ends anyway
        }
    }
}
