package org.smartcamp.analytics.alarm.delivery;

import java.time.Duration;
import java.util.Objects;

/**
 * How the outbox dispatcher polls and retries.
 *
 * @param pollInterval how long the dispatcher sleeps when no notification is due
 * @param backoffBase  the first retry waits up to this long (full jitter: a random time between zero and the bound)
 * @param backoffCap   the bound doubles with every attempt up to this
 * @param maxAttempts  a notification that failed this many attempts is marked failed
 * @param maxAge       a notification older than this (since its transition was committed) that fails again is
 *                     marked failed, whatever its attempts
 */
public record DeliveryConfig(Duration pollInterval, Duration backoffBase, Duration backoffCap, int maxAttempts,
                             Duration maxAge) {

    public DeliveryConfig {
        requirePositive("pollInterval", pollInterval);
        requirePositive("backoffBase", backoffBase);
        requirePositive("backoffCap", backoffCap);
        requirePositive("maxAge", maxAge);
        if (backoffCap.compareTo(backoffBase) < 0) {
            throw new IllegalArgumentException("backoffCap must not be shorter than backoffBase");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** The shipped defaults: poll every 2 s, retry from 10 s doubling to 1 h, 12 attempts within 24 h. */
    public static DeliveryConfig defaults() {
        return new DeliveryConfig(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofHours(1), 12,
            Duration.ofHours(24));
    }

    private static void requirePositive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
