package com.logishift.support.systemtests.harness;

import java.util.Locale;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Prints how long each test and each class took (timings are printed, never asserted). */
public final class Timings implements BeforeAllCallback, AfterAllCallback, BeforeTestExecutionCallback,
        AfterTestExecutionCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Timings.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put("class", System.nanoTime());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        print(context, "class", "[timing] " + context.getDisplayName() + " (with its set-up)");
    }

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        context.getStore(NAMESPACE).put("test", System.nanoTime());
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        String outcome = context.getExecutionException().isPresent() ? " FAILED" : "";
        print(context, "test", "[timing] " + context.getRequiredTestClass().getSimpleName() + " > "
                + context.getDisplayName() + outcome);
    }

    private static void print(ExtensionContext context, String key, String label) {
        Long start = context.getStore(NAMESPACE).get(key, Long.class);
        if (start != null) {
            System.out.printf(Locale.ROOT, "%s: %.2f s%n", label, (System.nanoTime() - start) / 1e9);
        }
    }
}
