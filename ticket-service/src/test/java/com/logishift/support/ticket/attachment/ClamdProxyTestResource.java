package com.logishift.support.ticket.attachment;

import com.logishift.support.kit.test.TcpProxy;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * Puts a {@link TcpProxy} between the service and the real clamd that deploy/local/test starts
 * (SUPPORT_ATTACHMENTS_CLAMD_HOST/PORT), so a test can take the scanner away. Without that clamd the
 * service scans nothing, and the tests that need the scanner fail saying so.
 */
public class ClamdProxyTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile TcpProxy proxy;

    /** The proxy, or null when no clamd was given. */
    public static TcpProxy proxy() {
        return proxy;
    }

    @Override
    public Map<String, String> start() {
        Optional<String> port = Optional.ofNullable(System.getenv("SUPPORT_ATTACHMENTS_CLAMD_PORT"));
        if (port.isEmpty()) {
            return Map.of();
        }
        String host = Optional.ofNullable(System.getenv("SUPPORT_ATTACHMENTS_CLAMD_HOST")).orElse("127.0.0.1");
        try {
            proxy = new TcpProxy(host, Integer.parseInt(port.get()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("support.attachments.clamd.host", "127.0.0.1",
                "support.attachments.clamd.port", String.valueOf(proxy.port()));
    }

    @Override
    public void stop() {
        try {
            if (proxy != null) {
                proxy.close();
            }
        } catch (IOException e) {
            // the JVM ends anyway
        }
    }
}
