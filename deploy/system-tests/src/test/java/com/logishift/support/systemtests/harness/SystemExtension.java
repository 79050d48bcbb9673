package com.logishift.support.systemtests.harness;

import com.logishift.support.systemtests.client.Gateway;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test classes the one running system. The first class that needs it starts it; closing JUnit's
 * root store (after the last test class of the run, also after failures) stops it.
 */
public final class SystemExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SystemExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        // registered before starting, so even a half-started system is stopped at the end
        context.getRoot().getStore(NAMESPACE).computeIfAbsent(StopAtEnd.class);
        SupportSystem.shared();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == SupportSystem.class || type == Gateway.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        SupportSystem system = SupportSystem.shared();
        return parameter.getParameter().getType() == Gateway.class ? new Gateway(system) : system;
    }

    /** Closed by JUnit with the root store, once every test class has run. */
    static final class StopAtEnd implements AutoCloseable {
        @Override
        public void close() {
            SupportSystem.stopShared();
        }
    }
}
