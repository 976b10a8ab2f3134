package org.smartcamp.analytics.fuel;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.smartcamp.analytics.event.DetectedEvent;
import org.smartcamp.analytics.series.Cumulative;

/**
 * A vehicle's fuel burned: its engine's {@code fuel.used} counter where it reports one, else the drops of its
 * {@code fuel.level_pct} with its refuels added back and thefts taken out.
 */
public final class VehicleConsumption {
    private final FuelSettings settings;

    public VehicleConsumption(FuelSettings settings) {
        this.settings = settings;
    }

    /** The fuel use of {@code vehicle}; {@code events} are its detected refuels and thefts. */
    public FuelUse fuelUse(VehicleParams vehicle, VehicleReadings readings, List<DetectedEvent> events) {
        Map<ConsumptionSource, Cumulative> sources = new EnumMap<>(ConsumptionSource.class);
        if (!readings.fuelUsed().isEmpty()) {
            sources.put(ConsumptionSource.FLOW_METER, GeneratorConsumption.counter(readings.fuelUsed(), settings));
        }
        sources.put(ConsumptionSource.VEHICLE_LEVEL, LevelConsumption.of(readings.litres(vehicle),
            vehicle.fuelCapacityL(), events, settings));
        return new FuelUse(vehicle.assetId(), sources);
    }

    /**
     * Litres burned idling in {@code [from, to)}: the {@code engine.idle_hours} counter's hours times the idle
     * consumption setting; NaN without the counter.
     */
    public double idleLitres(VehicleReadings readings, Instant from, Instant to) {
        if (readings.idleHours().isEmpty()) {
            return Double.NaN;
        }
        Cumulative hours = GeneratorConsumption.counter(readings.idleHours(), settings);
        return hours.delta(from.toEpochMilli(), to.toEpochMilli()) * settings.get(FuelSetting.IDLE_LITRES_PER_HOUR);
    }
}
