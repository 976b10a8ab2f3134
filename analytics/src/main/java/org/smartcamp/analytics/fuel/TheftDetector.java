package org.smartcamp.analytics.fuel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.smartcamp.analytics.event.DetectedEvent;
import org.smartcamp.analytics.series.Cumulative;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.analytics.series.SeriesMath;
import org.smartcamp.ingest.catalogue.EventKind;

/**
 * Finds thefts and drains: drops of the balance (level plus expected outflow: the generators' flow meters or fuel
 * curve, transfers to day tanks, dispensing) within the theft window, i.e. fuel lost that consumption does not
 * explain. A drop counts when it reaches {@code max(theftMinLitres, theftMinFraction * capacity)} and stands
 * out of its own measurement noise by the detection z, after allowing for the consumption model's error
 * ({@code modelTolerance} of the expected outflow) and for thermal contraction (from {@code fuel.temp} when the
 * tank reports it). Drops overlapping a refuel or transfer are not looked at: sloshing while a tanker pumps is
 * not a theft. Spikes, stuck repeats and dropouts are cleaned away or bridged before.
 */
public final class TheftDetector {
    private final FuelSettings settings;
    private final StepFinder finder;

    public TheftDetector(FuelSettings settings) {
        this.settings = settings;
        this.finder = new StepFinder(settings);
    }

    /**
     * The thefts from {@code tank}: volume {@code litres}, {@code temperature} (may be empty), the outflow
     * expected, and its refuels or transfers in ({@code rises}, from {@link RefuelDetector}).
     */
    public List<DetectedEvent> detect(TankParams tank, Series litres, Series temperature, Cumulative expectedOutflow,
                                      List<DetectedEvent> rises) {
        Cumulative expected = withoutInstant(expectedOutflow, rises, litres);
        LevelSignal signal = LevelSignal.of(litres, tank.capacityL(), expected, settings);
        return drops(tank.assetId(), signal, tank.capacityL(), expectedOutflow, temperature, slow(rises, litres),
            litres, "fuel.volume");
    }

    /** The thefts from a vehicle (siphoning), its {@code fuel.used} counter explaining what the engine burned. */
    public List<DetectedEvent> detect(VehicleParams vehicle, VehicleReadings readings, List<DetectedEvent> refuels) {
        Cumulative used = readings.fuelUsed().isEmpty() ? Cumulative.empty()
            : GeneratorConsumption.counter(readings.fuelUsed(), settings);
        Series litres = readings.litres(vehicle);
        LevelSignal signal = LevelSignal.of(litres, vehicle.fuelCapacityL(), withoutInstant(used, refuels, litres),
            settings);
        return drops(vehicle.assetId(), signal, vehicle.fuelCapacityL(), used, Series.empty(), slow(refuels, litres),
            readings.levelPct(), "fuel.level_pct");
    }

    private List<DetectedEvent> drops(String assetId, LevelSignal signal, double capacityL, Cumulative expected,
                                      Series temperature, List<DetectedEvent> rises, Series readings,
                                      String metric) {
        double minSize = Math.max(settings.get(FuelSetting.THEFT_MIN_LITRES),
            settings.get(FuelSetting.THEFT_MIN_FRACTION) * capacityL);
        List<DetectedEvent> out = new ArrayList<>();
        for (Step step : finder.find(signal, -1, minSize, settings.millis(FuelSetting.THEFT_WINDOW_MINUTES),
                barriers(rises))) {
            double outflow = StepEvents.expectedBetween(step, expected);
            double thermal = thermalAllowance(step, temperature);
            double model = settings.get(FuelSetting.MODEL_TOLERANCE) * Math.abs(outflow);
            double threshold = Math.max(minSize, settings.get(FuelSetting.DETECTION_Z) * step.sd()) + model + thermal;
            if (step.magnitude() < threshold) {
                continue;
            }
            Map<String, Double> extra = new LinkedHashMap<>();
            extra.put("thermal_allowance_l", thermal);
            extra.put("model_allowance_l", model);
            String text = String.format(Locale.ROOT, "%.0f L went missing between %s and %s UTC: the level fell from"
                    + " %.0f L to %.0f L while only %.0f L were expected to flow out; a loss counts from %.0f L"
                    + " (noise, consumption model and temperature allowed for).", step.magnitude(),
                StepEvents.clock(step.start()), StepEvents.clock(step.end()), step.before().volume(),
                step.after().volume(), outflow, threshold);
            out.add(StepEvents.event(EventKind.THEFT, assetId, step, readings, metric, outflow, threshold, extra,
                text));
        }
        return out;
    }

    /**
     * The expected outflow less the instant rises (a vehicle filled in one go), so that the balance stays level
     * through them and a loss at the same time (siphoning that set off the refill) still shows.
     */
    private static Cumulative withoutInstant(Cumulative expected, List<DetectedEvent> rises, Series litres) {
        List<DetectedEvent> instant = rises.stream().filter(e -> isInstant(e, litres)).toList();
        if (instant.isEmpty()) {
            return expected;
        }
        Cumulative steps = expected.isEmpty()
            ? ExpectedOutflow.ramps(instant, Long.MAX_VALUE, Long.MIN_VALUE)
            : ExpectedOutflow.ramps(instant, expected.start(), expected.end());
        return expected.isEmpty() ? Cumulative.weightedSum(List.of(steps), new double[] {-1})
            : Cumulative.weightedSum(List.of(expected, steps), new double[] {1, -1});
    }

    /** The rises that took longer than an instant step: no drop is looked for across them. */
    private static List<DetectedEvent> slow(List<DetectedEvent> rises, Series litres) {
        return rises.stream().filter(e -> !isInstant(e, litres)).toList();
    }

    private static boolean isInstant(DetectedEvent e, Series litres) {
        long span = e.end().toEpochMilli() - e.start().toEpochMilli();
        return span <= (StepFinder.INSTANT_INTERVALS + 1) * SeriesMath.typicalInterval(litres);
    }

    /** The ranges no drop may overlap: each rise from its start to the end of its evidence. */
    static List<long[]> barriers(List<DetectedEvent> rises) {
        List<long[]> out = new ArrayList<>();
        for (DetectedEvent e : rises) {
            out.add(new long[] {Math.min(e.start().toEpochMilli(), e.evidence().windowStart().toEpochMilli()),
                Math.max(e.end().toEpochMilli(), e.evidence().windowEnd().toEpochMilli())});
        }
        return out;
    }

    /** Litres the fuel may have shrunk by cooling between the two windows. */
    private double thermalAllowance(Step step, Series temperature) {
        double beta = settings.get(FuelSetting.THERMAL_EXPANSION_PER_DEGC);
        double volume = Math.max(step.before().volume(), step.after().volume());
        double before = SeriesMath.median(temperature, step.before().from(), step.before().to() + 1);
        double after = SeriesMath.median(temperature, step.after().from(), step.after().to() + 1);
        if (Double.isNaN(before) || Double.isNaN(after)) {
            double hours = (step.after().mid() - step.before().mid()) / 3_600_000.0;
            return beta * volume * settings.get(FuelSetting.THERMAL_MAX_DEGC_PER_HOUR) * hours;
        }
        return beta * volume * Math.max(0, before - after);
    }
}
