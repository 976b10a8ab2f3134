package org.smartcamp.simulator.scenario;

/**
 * A fuel tank with a level sensor; the gateway computes the volume through the strapping table.
 *
 * @param id           local id
 * @param name         display name
 * @param capacityL    capacity, litres
 * @param initialL     volume at the start
 * @param strapping    level (mm) to litres
 * @param levelNoiseMm standard deviation of the level sensor's noise
 * @param fill         automatic filling from another tank, or {@code null}
 * @param reporting    gateway and reporting interval
 */
public record TankSpec(String id, String name, double capacityL, double initialL, StrappingTable strapping,
                       double levelNoiseMm, TransferSpec fill, Reporting reporting) {
}
