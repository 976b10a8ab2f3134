package org.smartcamp.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * Holds the simulation back so that simulated time advances at its {@link Speed} against the wall clock.
 * At {@link Speed#MAX} it never waits.
 */
public final class Pacer {
    /** Waits a number of nanoseconds. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final Speed speed;
    private final Instant simStart;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final long wallStart;

    public Pacer(Speed speed, Instant simStart) {
        this(speed, simStart, System::nanoTime, n -> Thread.sleep(n / 1_000_000, (int) (n % 1_000_000)));
    }

    public Pacer(Speed speed, Instant simStart, LongSupplier nanoTime, Sleeper sleeper) {
        this.speed = speed;
        this.simStart = simStart;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.wallStart = nanoTime.getAsLong();
    }

    /** Returns when the wall clock has caught up with {@code simTime}. */
    public void await(Instant simTime) throws InterruptedException {
        if (speed.isMax()) {
            return;
        }
        long due = wallStart + (long) (Duration.between(simStart, simTime).toNanos() / speed.factor());
        long wait = due - nanoTime.getAsLong();
        if (wait > 0) {
            sleeper.sleep(wait);
        }
    }
}
