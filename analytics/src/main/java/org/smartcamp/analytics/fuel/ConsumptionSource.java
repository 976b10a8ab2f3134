package org.smartcamp.analytics.fuel;

/** Where a consumption figure comes from, best first. */
public enum ConsumptionSource {
    /** The {@code fuel.used} counter of a flow meter (generator) or the engine (vehicle). */
    FLOW_METER,
    /**
     * The fuel curve scaled to the tank's fall over the quiet stretches where both are measured (a generator that
     * is its tank's only consumer): the curve's hour-by-hour shape at the tank's long-run level
     * ({@link CurveCalibration}).
     */
    CALIBRATED_CURVE,
    /** The tank's level with refuels removed (a generator that is its tank's only consumer). */
    TANK_LEVEL,
    /** The fuel curve over the kWh and run-hours counters, or over the sampled power while running. */
    FUEL_CURVE,
    /** A vehicle's fuel level drops with its refuels removed. */
    VEHICLE_LEVEL,
    /** No data. */
    NONE
}
