package org.smartcamp.deploy.demo;

import java.util.ArrayList;
import java.util.List;
import org.smartcamp.platform.Lifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts components in order and stops the started ones in reverse order, once: after a failed start, on Ctrl-C,
 * or both. Thread-safe: the stop may come from a signal handler while the main thread is still starting. The order
 * and the once are the platform's {@link Lifecycle}.
 */
public final class ComponentStack {
    private static final Logger LOG = LoggerFactory.getLogger(ComponentStack.class);

    private final Lifecycle lifecycle = new Lifecycle("demo");
    private final List<DemoComponent> started = new ArrayList<>();

    /**
     * Starts every component in order. When one fails, stops the ones already started and rethrows.
     *
     * @throws IllegalStateException when the stack is already stopping
     */
    public void startAll(List<? extends DemoComponent> components) throws InterruptedException {
        for (DemoComponent c : components) {
            if (lifecycle.isClosed()) {
                throw new IllegalStateException("stopping: " + c.name() + " not started");
            }
            try {
                c.start();
                lifecycle.add(c.name(), c, ComponentStack::stop);
            } catch (RuntimeException | InterruptedException e) {
                stopAll();
                throw e;
            }
            synchronized (this) {
                started.add(c);
            }
            LOG.info("Demo: {} started", c.name());
        }
    }

    /** The lines every started component wants the user to see, in start order. */
    public synchronized List<String> describe() {
        List<String> lines = new ArrayList<>();
        started.forEach(c -> lines.addAll(c.describe()));
        return lines;
    }

    /** Stops the started components, last started first; later calls do nothing. Returns how many it stopped. */
    public int stopAll() {
        return lifecycle.closeAll();
    }

    private static void stop(DemoComponent c) {
        c.stop();
        LOG.info("Demo: {} stopped", c.name());
    }
}
