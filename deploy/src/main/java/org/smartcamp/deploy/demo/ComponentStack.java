package org.smartcamp.deploy.demo;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts components in order and stops the started ones in reverse order, once: after a failed start, on Ctrl-C,
 * or both. Thread-safe: the stop may come from a signal handler while the main thread is still starting.
 */
public final class ComponentStack {
    private static final Logger LOG = LoggerFactory.getLogger(ComponentStack.class);

    private final Deque<DemoComponent> started = new ArrayDeque<>();
    private boolean stopping;

    /**
     * Starts every component in order. When one fails, stops the ones already started and rethrows.
     *
     * @throws IllegalStateException when the stack is already stopping
     */
    public void startAll(List<? extends DemoComponent> components) throws InterruptedException {
        for (DemoComponent c : components) {
            synchronized (this) {
                if (stopping) {
                    throw new IllegalStateException("stopping: " + c.name() + " not started");
                }
            }
            try {
                c.start();
            } catch (RuntimeException | InterruptedException e) {
                stopAll();
                throw e;
            }
            synchronized (this) {
                started.push(c);
            }
            LOG.info("Demo: {} started", c.name());
        }
    }

    /** The lines every started component wants the user to see, in start order. */
    public synchronized List<String> describe() {
        List<String> lines = new ArrayList<>();
        started.descendingIterator().forEachRemaining(c -> lines.addAll(c.describe()));
        return lines;
    }

    /** Stops the started components, last started first; later calls do nothing. Returns how many it stopped. */
    public int stopAll() {
        int count = 0;
        synchronized (this) {
            stopping = true;
        }
        DemoComponent next;
        while ((next = pop()) != null) {
            try {
                next.stop();
                count++;
                LOG.info("Demo: {} stopped", next.name());
            } catch (RuntimeException e) {
                LOG.warn("Demo: stopping {} failed: {}", next.name(), e.getMessage());
            }
        }
        return count;
    }

    private synchronized DemoComponent pop() {
        return started.poll();
    }
}
