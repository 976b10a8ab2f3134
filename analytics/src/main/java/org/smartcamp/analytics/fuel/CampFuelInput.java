package org.smartcamp.analytics.fuel;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the fuel analytics of one camp read: its assets with their readings and settings overrides, the
 * delivery records, the camp's settings and the moment forecasts are made for.
 *
 * @param campId     the camp id
 * @param settings   the camp's settings (defaults with the camp's overrides)
 * @param generators its generators
 * @param tanks      its fuel tanks
 * @param vehicles   its vehicles
 * @param deliveries the delivery records of its tanks
 * @param asOf       the moment of the days-of-supply forecasts (usually the latest data)
 */
public record CampFuelInput(String campId, FuelSettings settings, List<Generator> generators, List<Tank> tanks,
                            List<Vehicle> vehicles, List<Delivery> deliveries, Instant asOf) {

    public CampFuelInput {
        Objects.requireNonNull(campId, "campId");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(asOf, "asOf");
        generators = List.copyOf(generators);
        tanks = List.copyOf(tanks);
        vehicles = List.copyOf(vehicles);
        deliveries = List.copyOf(deliveries);
    }

    /** A generator, its readings and its settings overrides (keys of {@link FuelSetting}; may be empty). */
    public record Generator(GeneratorParams params, GeneratorReadings readings, Map<String, ?> overrides) {
    }

    /** A tank, its readings and its settings overrides. */
    public record Tank(TankParams params, TankReadings readings, Map<String, ?> overrides) {
    }

    /** A vehicle, its readings and its settings overrides. */
    public record Vehicle(VehicleParams params, VehicleReadings readings, Map<String, ?> overrides) {
    }
}
