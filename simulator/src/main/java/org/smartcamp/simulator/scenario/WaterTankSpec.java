package org.smartcamp.simulator.scenario;

/**
 * A water tank filled by a borehole pump and drawn by the camp's population.
 *
 * @param litresPerPersonDay average consumption per inhabitant (84 L is a field benchmark)
 * @param pump               the filling pump
 * @param levelNoiseMm       standard deviation of the level sensor's noise
 */
public record WaterTankSpec(String id, String name, double capacityL, double initialL, StrappingTable strapping,
                            double litresPerPersonDay, PumpSpec pump, double levelNoiseMm, Reporting reporting) {

    /**
     * A pump of {@code rateLph} drawing {@code kw} that starts below and stops above the given fractions. With an
     * {@code id} it is an asset of its own (a {@code water_pump}) lifting water {@code headM} into the tank on its
     * pump curve; without one it fills at its constant rate and is reported only by the tank's running flag.
     */
    public record PumpSpec(String id, double rateLph, double kw, double startBelow, double stopAbove, double headM) {
    }
}
