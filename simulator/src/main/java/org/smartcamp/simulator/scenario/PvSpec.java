package org.smartcamp.simulator.scenario;

/**
 * A solar array with its inverter.
 *
 * @param ratedKwp peak power
 * @param derate   losses between the panels and the AC output (0..1)
 */
public record PvSpec(String id, String name, double ratedKwp, double derate, Reporting reporting) {
}
