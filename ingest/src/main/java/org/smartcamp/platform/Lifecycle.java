package org.smartcamp.platform;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The started parts of one service (pools, servers, clients, jobs), closed in the reverse order of their start.
 * A service registers each part right after starting it; {@link #close} then closes the last started first, logs
 * a part that fails to close and still closes the others, and does nothing the second time. Thread-safe: a
 * shutdown hook may close while the main thread is still starting; a part registered after that is closed at once
 * and the start fails with an {@link IllegalStateException}.
 */
public final class Lifecycle implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

    /** How to close one part; may throw anything, which is logged. */
    @FunctionalInterface
    public interface Closer<T> {
        void close(T part) throws Exception;
    }

    private record Step(String name, Runnable close) {
    }

    private final String owner;
    private final Deque<Step> started = new ArrayDeque<>();
    private boolean closed;

    /** @param owner the service's name, used in the log lines */
    public Lifecycle(String owner) {
        this.owner = Objects.requireNonNull(owner);
    }

    /**
     * Registers a started part to be closed with {@code closer}.
     *
     * @return {@code part}, so that a field can be assigned in the same expression
     * @throws IllegalStateException when this lifecycle is already closed (the part is then closed first)
     */
    public <T> T add(String name, T part, Closer<? super T> closer) {
        Step step = new Step(name, () -> {
            try {
                closer.close(part);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (Exception e) {
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
            }
        });
        synchronized (this) {
            if (!closed) {
                started.push(step);
                return part;
            }
        }
        closeQuietly(step);
        throw new IllegalStateException(owner + " is closing: " + name + " not started");
    }

    /** Registers a started {@link AutoCloseable}; see {@link #add(String, Object, Closer)}. */
    public <T extends AutoCloseable> T add(String name, T part) {
        return add(name, part, AutoCloseable::close);
    }

    /** Registers an action to run on close, in its place in the reverse order (e.g. stopping a job). */
    public void onClose(String name, Runnable action) {
        add(name, action, Runnable::run);
    }

    /** Whether {@link #close} has begun. */
    public synchronized boolean isClosed() {
        return closed;
    }

    /**
     * Closes every registered part, last started first; a failure is logged and the next part still closed.
     *
     * @return how many parts closed without failing (0 when already closed)
     */
    public int closeAll() {
        synchronized (this) {
            closed = true;
        }
        int ok = 0;
        Step next;
        while ((next = pop()) != null) {
            if (closeQuietly(next)) {
                ok++;
            }
        }
        return ok;
    }

    /** {@link #closeAll()}; idempotent. */
    @Override
    public void close() {
        closeAll();
    }

    private synchronized Step pop() {
        return started.poll();
    }

    private boolean closeQuietly(Step step) {
        try {
            step.close().run();
            LOG.debug("{}: {} closed", owner, step.name());
            return true;
        } catch (RuntimeException e) {
            LOG.warn("{}: closing {} failed: {}", owner, step.name(), e.toString(), e);
            return false;
        }
    }
}
