package org.smartcamp.platform;

import java.util.concurrent.CountDownLatch;

/**
 * The one place a SmartCamp process hooks into the JVM's shutdown (Ctrl-C, SIGTERM): {@link #onShutdown} registers
 * what stops the process, and {@link #await} blocks the main thread until it has run, so that the process exits only
 * after a clean stop.
 */
public final class ShutdownSignal {
    private final CountDownLatch stopped = new CountDownLatch(1);

    private ShutdownSignal() {
    }

    /**
     * Registers {@code stop} to run (once, in a thread named {@code smartcamp-shutdown}) when the JVM is asked to
     * stop. Register it before starting, so a signal during the start stops what has started.
     */
    public static ShutdownSignal onShutdown(Runnable stop) {
        ShutdownSignal signal = new ShutdownSignal();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stop.run();
            } finally {
                signal.stopped.countDown();
            }
        }, "smartcamp-shutdown"));
        return signal;
    }

    /** Blocks until the shutdown's stop has run. */
    public void await() throws InterruptedException {
        stopped.await();
    }
}
