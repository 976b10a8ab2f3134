package org.smartcamp.analytics.fuel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.smartcamp.analytics.event.DetectedEvent;
import org.smartcamp.analytics.series.Cumulative;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.ingest.catalogue.EventKind;

/**
 * Finds refuels: rises of at least {@code max(refuelMinLitres, refuelMinFraction * capacity)} within the refuel
 * window, rises closer than the merge gap taken as one, each measured from quiet windows of the raw readings
 * before and after (so sloshing while the tanker pumps, a stuck gauge or a dropout only move the windows). The
 * expected outflow (consumption, transfers, dispensing) is added to the level first, so the litres burned while
 * the tanker pumped count as delivered. For a day tank the rises are its transfers from the bulk tank.
 */
public final class RefuelDetector {
    private final FuelSettings settings;
    private final StepFinder finder;

    public RefuelDetector(FuelSettings settings) {
        this.settings = settings;
        this.finder = new StepFinder(settings);
    }

    /**
     * The refuels of {@code tank} (its transfers when it is a day tank) in its volume {@code litres}, with the
     * outflow {@code expectedOutflow} (may be empty) expected meanwhile.
     */
    public List<DetectedEvent> detect(TankParams tank, Series litres, Cumulative expectedOutflow) {
        LevelSignal signal = LevelSignal.of(litres, tank.capacityL(), expectedOutflow, settings);
        String what = tank.isDayTank() ? "transfer from " + tank.fillsFrom() : "refuel";
        return rises(tank.assetId(), signal, tank.capacityL(), expectedOutflow, litres, "fuel.volume", what);
    }

    /** The refuels of a vehicle from its fuel level, its {@code fuel.used} counter giving its consumption. */
    public List<DetectedEvent> detect(VehicleParams vehicle, VehicleReadings readings) {
        Cumulative used = readings.fuelUsed().isEmpty() ? Cumulative.empty()
            : GeneratorConsumption.counter(readings.fuelUsed(), settings);
        LevelSignal signal = LevelSignal.of(readings.litres(vehicle), vehicle.fuelCapacityL(), used, settings);
        return rises(vehicle.assetId(), signal, vehicle.fuelCapacityL(), used, readings.levelPct(), "fuel.level_pct",
            "refuel");
    }

    private List<DetectedEvent> rises(String assetId, LevelSignal signal, double capacityL, Cumulative expected,
                                      Series readings, String metric, String what) {
        double minSize = Math.max(settings.get(FuelSetting.REFUEL_MIN_LITRES),
            settings.get(FuelSetting.REFUEL_MIN_FRACTION) * capacityL);
        double z = settings.get(FuelSetting.DETECTION_Z);
        List<DetectedEvent> out = new ArrayList<>();
        for (Step step : finder.find(signal, +1, minSize, settings.millis(FuelSetting.REFUEL_WINDOW_MINUTES),
                List.of())) {
            double threshold = Math.max(minSize, z * step.sd());
            if (step.magnitude() < threshold) {
                continue;
            }
            double burned = StepEvents.expectedBetween(step, expected);
            String text = String.format(Locale.ROOT, "The %s added %.0f L between %s and %s UTC: the level went from"
                    + " %.0f L to %.0f L (medians of quiet windows) while %.0f L were expected to flow out; a rise"
                    + " counts from %.0f L.", what, step.magnitude(), StepEvents.clock(step.start()),
                StepEvents.clock(step.end()), step.before().volume(), step.after().volume(), burned, threshold);
            out.add(StepEvents.event(EventKind.REFUEL, assetId, step, readings, metric, burned, threshold, Map.of(),
                text));
        }
        return out;
    }
}
