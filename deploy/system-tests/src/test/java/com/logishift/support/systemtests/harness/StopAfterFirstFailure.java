package com.logishift.support.systemtests.harness;

import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * For a class whose ordered tests are the steps of one story: once a step fails, the later steps
 * are skipped (they would only fail for the same reason and hide the first failure).
 */
public final class StopAfterFirstFailure implements TestWatcher, ExecutionCondition {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(StopAfterFirstFailure.class);

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        context.getParent().ifPresent(parent -> parent.getStore(NAMESPACE).put("failed", context.getDisplayName()));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            return ConditionEvaluationResult.enabled("not a step");
        }
        Optional<String> failed = context.getParent()
                .map(parent -> parent.getStore(NAMESPACE).get("failed", String.class));
        return failed.isPresent()
                ? ConditionEvaluationResult.disabled("skipped: the earlier step '" + failed.get() + "' failed")
                : ConditionEvaluationResult.enabled("no earlier step failed");
    }
}
