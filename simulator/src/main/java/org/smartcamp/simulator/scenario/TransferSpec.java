package org.smartcamp.simulator.scenario;

/**
 * Automatic filling of a (day) tank from another tank by a transfer pump.
 *
 * @param from       local id of the tank it is filled from
 * @param rateLph    pump rate, litres per hour
 * @param startBelow start filling below this fraction of capacity
 * @param stopAbove  stop filling above this fraction of capacity
 */
public record TransferSpec(String from, double rateLph, double startBelow, double stopAbove) {
}
