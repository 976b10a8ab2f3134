package org.smartcamp.simulator.scenario;

/**
 * A vehicle of the camp's fleet.
 *
 * @param fuelCapacityL    tank capacity
 * @param initialFuelL     fuel at the start
 * @param serviceIntervalH engine hours between services (inventory only)
 * @param consumption      idle and driving consumption, average speed
 * @param duty             when and how the vehicle is used
 * @param refuel           where and when it refuels, or {@code null} if it never does
 */
public record VehicleSpec(String id, String name, double fuelCapacityL, double initialFuelL, double serviceIntervalH,
                          Consumption consumption, DutyCycleSpec duty, RefuelSpec refuel, Reporting reporting) {

    /** Fuel use: {@code idleLph} while idling, {@code litresPer100Km} while driving at about {@code speedKmh}. */
    public record Consumption(double idleLph, double litresPer100Km, double speedKmh) {
    }

    /** Refuels to full from {@code tank} (local id) when parked below {@code belowFraction} of capacity. */
    public record RefuelSpec(String tank, double belowFraction) {
    }
}
