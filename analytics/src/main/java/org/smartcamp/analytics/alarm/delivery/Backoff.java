package org.smartcamp.analytics.alarm.delivery;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"): after the n-th
 * failed attempt the next one waits a uniformly random time in {@code [0, min(cap, base * 2^(n-1))]}, so that
 * notifications that failed together (a receiver that was down) do not all come back at once.
 */
public final class Backoff {
    private final Duration base;
    private final Duration cap;
    private final DoubleSupplier random;

    /** @param random uniform values in [0, 1); tests may pass a fixed one to see the bound itself */
    public Backoff(Duration base, Duration cap, DoubleSupplier random) {
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    /** The bound of the wait after {@code attempts} failed attempts (attempts >= 1). */
    public Duration bound(int attempts) {
        long capMs = cap.toMillis();
        long bound = base.toMillis();
        for (int i = 1; i < attempts && bound < capMs; i++) {
            bound *= 2;
        }
        return Duration.ofMillis(Math.min(bound, capMs));
    }

    /** The wait after {@code attempts} failed attempts: a random part of {@link #bound}. */
    public Duration delay(int attempts) {
        double r = Math.min(Math.max(random.getAsDouble(), 0), 1);
        return Duration.ofMillis(Math.round(bound(attempts).toMillis() * r));
    }
}
