package com.logishift.support.ticket.attachment;

import com.logishift.support.kit.test.TcpProxy;
import com.logishift.support.kit.test.TcpProxyTestResource;
import java.util.Map;
import java.util.Optional;

/**
 * Puts a {@link TcpProxy} between the service and the real clamd that deploy/local/test starts
 * (SUPPORT_ATTACHMENTS_CLAMD_HOST/PORT), so a test can take the scanner away. Without that clamd the
 * service scans nothing, and the tests that need the scanner fail saying so.
 */
public class ClamdProxyTestResource extends TcpProxyTestResource {

    /** The proxy, or null when no clamd was given. */
    public static TcpProxy proxy() {
        return proxyOf(ClamdProxyTestResource.class);
    }

    @Override
    protected Optional<Target> target() {
        return Optional.ofNullable(System.getenv("SUPPORT_ATTACHMENTS_CLAMD_PORT"))
                .map(port -> new Target(env("SUPPORT_ATTACHMENTS_CLAMD_HOST", "127.0.0.1"), Integer.parseInt(port)));
    }

    @Override
    protected Map<String, String> settings(int port) {
        return Map.of("support.attachments.clamd.host", "127.0.0.1", "support.attachments.clamd.port", String.valueOf(port));
    }
}
