package org.smartcamp.simulator.truth;

import java.time.Instant;

/**
 * Something that really happened in the simulated camp.
 *
 * @param kind   {@code refuel}, {@code theft}, {@code leak}, {@code sensor_fault}, {@code outage},
 *               {@code duplicate_resend} or {@code vehicle_refuel}
 * @param asset  the asset id (for outages and resends the gateway id)
 * @param start  when it began
 * @param end    when it ended (clipped to the end of the run)
 * @param litres the litres that really moved, or {@code null} when no fuel moved
 * @param detail what else there is to know, e.g. {@code stuck fuel.level}
 */
public record TruthEvent(String kind, String asset, Instant start, Instant end, Double litres, String detail) {
}
