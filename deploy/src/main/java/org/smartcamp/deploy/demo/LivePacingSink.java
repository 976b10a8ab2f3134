package org.smartcamp.deploy.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.smartcamp.simulator.gateway.OutgoingMessage;
import org.smartcamp.simulator.gateway.TelemetrySink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes messages sent in the past straight on (the camp's history, as fast as the broker takes it) and holds
 * each later message until the wall clock reaches its send time, so that one continuous simulation first
 * back-fills its history and then runs live. An interrupt ends the run with {@link Stopped}.
 */
final class LivePacingSink implements TelemetrySink {
    private static final Logger LOG = LoggerFactory.getLogger(LivePacingSink.class);

    /** The run was interrupted (the demo is stopping). */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("simulation stopped", null, false, false);
        }
    }

    /** Waits a number of milliseconds. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private final TelemetrySink target;
    private final Clock clock;
    private final Sleeper sleeper;
    private long history;
    private volatile boolean live;

    LivePacingSink(TelemetrySink target, Clock clock, Sleeper sleeper) {
        this.target = target;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public void send(OutgoingMessage message) {
        if (Thread.currentThread().isInterrupted()) {
            throw new Stopped();
        }
        Instant due = message.batch().sent();
        long wait = Duration.between(clock.instant(), due).toMillis();
        if (wait > 0) {
            if (!live) {
                live = true;
                LOG.info("Simulated camp caught up with the present ({} readings of history sent); now live", history);
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Stopped();
            }
        } else {
            history += message.batch().readings().size();
        }
        target.send(message);
    }

    /** Whether the run has caught up with the wall clock. */
    boolean live() {
        return live;
    }

    @Override
    public void close() {
        target.close();
    }
}
