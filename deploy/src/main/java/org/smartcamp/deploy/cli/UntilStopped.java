package org.smartcamp.deploy.cli;

import java.util.concurrent.CountDownLatch;

/** Blocks a long-running command until the JVM is asked to stop (Ctrl-C, SIGTERM), then stops it cleanly. */
final class UntilStopped {
    private UntilStopped() {
    }

    /** Waits until shutdown; {@code stop} runs in the shutdown hook and may take its time to finish the work. */
    static void await(Runnable stop) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.run();
            stopped.countDown();
        }, "smartcamp-shutdown"));
        stopped.await();
    }
}
