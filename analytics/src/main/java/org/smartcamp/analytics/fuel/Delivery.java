package org.smartcamp.analytics.fuel;

import java.time.Instant;
import java.util.Objects;

/**
 * A fuel delivery record (delivery note), as {@code fuel_deliveries} holds it.
 *
 * @param tankId      the tank delivered into
 * @param deliveredAt when, as recorded
 * @param litres      litres on the note
 * @param reference   the note's reference, or {@code null}
 */
public record Delivery(String tankId, Instant deliveredAt, double litres, String reference) {

    public Delivery {
        Objects.requireNonNull(tankId, "tankId");
        Objects.requireNonNull(deliveredAt, "deliveredAt");
        if (!(litres > 0)) {
            throw new IllegalArgumentException("delivery litres must be positive: " + litres);
        }
    }
}
