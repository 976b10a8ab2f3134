package org.smartcamp.ingest.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;

/**
 * Lets a test class that was skipped for want of a service ({@link MissingService}, thrown from its
 * {@code @BeforeAll} or {@code @BeforeEach}) stay skipped: its {@code @AfterAll}/{@code @AfterEach} methods still
 * run and fail on what was never set up (a null store, a server never started), and JUnit would report that
 * failure instead of the skip. Registered for every integration test through the ServiceLoader
 * ({@code junit.jupiter.extensions.autodetection.enabled}, set in the root pom's Failsafe configuration).
 */
public final class SkippedClassCleanup implements LifecycleMethodExecutionExceptionHandler {
    @Override
    public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        rethrowUnlessSkipped(context, throwable);
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        rethrowUnlessSkipped(context, throwable);
    }

    private static void rethrowUnlessSkipped(ExtensionContext context, Throwable throwable) throws Throwable {
        if (!(context.getExecutionException().orElse(null) instanceof MissingService)) {
            throw throwable;
        }
    }
}
